package dev.simclr.api;

/** Which representation an evaluation reads. */
public enum FeatureSource {
    /** The pre-trained encoder (frozen, batch norm in inference mode). */
    TRAINED("trained"),
    /** The same encoder architecture, randomly initialised with the run's seed: a baseline. */
    RANDOM_INIT("random-init"),
    /** The evaluation-transformed pixels themselves, flattened: a baseline. */
    RAW_PIXELS("raw-pixels");

    private final String label;

    FeatureSource(String label) {
        this.label = label;
    }

    /** Suffix used in result names, e.g. {@code linear-probe@random-init}. */
    public String label() {
        return label;
    }
}
