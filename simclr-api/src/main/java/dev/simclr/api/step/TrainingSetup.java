package dev.simclr.api.step;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageShape;
import java.util.Objects;

/**
 * What a backend needs to make a {@link TrainingStep}.
 *
 * @param manager the manager the network was initialised with (its parameters live there)
 * @param network encoder + projection head, initialised; maps {@code [n, C, H, W]} images to
 *     {@code [n, D]} projections
 * @param loss the contrastive loss over the {@code [2B, D]} projections of a batch
 * @param viewShape the shape of one view
 * @param batchSize B, source images per step (each gives two views)
 * @param perViewBatchNorm true: batch norm over each view's B rows (two passes); false: over all 2B
 * @param passSize images per encoder pass at most (0: as the batch norm implies)
 * @param gradientCache whether to take the gradients by gradient caching (Gao et al. 2021)
 * @param optimizer the optimizer and its learning-rate schedule
 * @param precision the arithmetic of the forward pass (weights and optimizer state stay fp32)
 */
public record TrainingSetup(NDManager manager, Block network, ContrastiveLoss loss, ImageShape viewShape, int batchSize,
        boolean perViewBatchNorm, int passSize, boolean gradientCache, OptimizerSettings optimizer, Precision precision) {

    public TrainingSetup {
        Objects.requireNonNull(precision, "precision");
    }

    /** An fp32 step. */
    public TrainingSetup(NDManager manager, Block network, ContrastiveLoss loss, ImageShape viewShape, int batchSize,
            boolean perViewBatchNorm, int passSize, boolean gradientCache, OptimizerSettings optimizer) {
        this(manager, network, loss, viewShape, batchSize, perViewBatchNorm, passSize, gradientCache, optimizer, Precision.FP32);
    }
}
