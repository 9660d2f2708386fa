/**
 * The two-view batch pipeline: for each image index of a batch, two independent augmentations
 * written by worker threads straight into one pooled {@code [2B, C, H, W]} float buffer (view 1 in
 * rows 0..B-1, view 2 in rows B..2B-1), prepared asynchronously so the next batch is ready while the
 * engine computes the current one.
 *
 * <p>Every random draw of a view comes from a generator derived from (seed, epoch, image index,
 * view) alone ({@link dev.simclr.augment.pipeline.ViewRandom}), so batches are bit-identical for
 * any thread count and any batch composition.
 */
package dev.simclr.augment.pipeline;
