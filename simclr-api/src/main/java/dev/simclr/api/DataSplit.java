package dev.simclr.api;

/** The labelled splits that evaluation sees. */
public enum DataSplit {
    /** Images the probes are fitted on (the pre-training data unless the config names others). */
    TRAIN,
    /** Held-out images the probes are scored on. */
    TEST
}
