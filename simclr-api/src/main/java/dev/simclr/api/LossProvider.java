package dev.simclr.api;

/** Extension point: contrastive losses ({@code loss:} in YAML). */
public interface LossProvider extends Provider {

    ContrastiveLoss create(Params params);
}
