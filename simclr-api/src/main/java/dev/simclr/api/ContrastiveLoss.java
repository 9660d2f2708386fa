package dev.simclr.api;

import ai.djl.ndarray.NDArray;

/**
 * A contrastive loss over the projections of two views. Input rows {@code 0..B-1} are the first
 * views, rows {@code B..2B-1} the second views of the same images in the same order (the positive
 * of row {@code i} is row {@code (i + B) mod 2B}).
 */
public interface ContrastiveLoss extends AutoCloseable {

    /**
     * Computes the loss (a scalar NDArray that gradients flow through) and detached metrics.
     *
     * @param projections {@code [2B, D]} raw projections (not yet normalised)
     */
    LossResult compute(NDArray projections);

    /** Frees what the loss keeps between steps (e.g. cached masks); called when the run ends. */
    @Override
    default void close() {}
}
