package dev.simclr.api;

/** Extension point: augmentation operators, listed in YAML under {@code augment:}. */
public interface AugmentationProvider extends Provider {

    /** Makes the operator from validated parameters. */
    Augmentation create(Params params);
}
