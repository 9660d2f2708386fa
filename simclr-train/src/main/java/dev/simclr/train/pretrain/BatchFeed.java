package dev.simclr.train.pretrain;

import dev.simclr.api.EpochOrder;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The batches of a run in their seeded order (the dataset's {@link EpochOrder}), each prepared while the engine computes the one
 * before: within an epoch the next batch, and at an epoch's last step the first batch of the next
 * epoch (carried over).
 */
final class BatchFeed {

    private final TwoViewPipeline pipeline;
    private final int datasetSize;
    private final int batch;
    private final long seed;
    private final int epochs;
    private final long perEpoch;
    private final long maxSteps;
    private int[] order;
    private Future<TwoViewBatch> next;
    private Future<TwoViewBatch> carried;

    BatchFeed(TwoViewPipeline pipeline, int datasetSize, int batch, long seed, int epochs, long perEpoch, long maxSteps) {
        this.pipeline = pipeline;
        this.datasetSize = datasetSize;
        this.batch = batch;
        this.seed = seed;
        this.epochs = epochs;
        this.perEpoch = perEpoch;
        this.maxSteps = maxSteps;
    }

    /** Starts {@code epoch} at its step {@code first}: the carried batch, or that step's batch. */
    void startEpoch(int epoch, long first) {
        order = orderOf(epoch);
        next = carried != null ? carried : pipeline.submit(epoch, slice(order, (int) (first * batch)));
        carried = null;
    }

    /**
     * The batch of step {@code s} of {@code epoch} (global step {@code step}); the batch after it
     * is submitted before this returns.
     */
    TwoViewBatch take(int epoch, long s, long step) throws InterruptedException {
        TwoViewBatch views = await(next);
        next = s + 1 < perEpoch && step + 1 < maxSteps ? pipeline.submit(epoch, slice(order, (int) ((s + 1) * batch))) : null;
        if (next == null && s + 1 == perEpoch && epoch + 1 < epochs && step + 1 < maxSteps) {
            carried = pipeline.submit(epoch + 1, slice(orderOf(epoch + 1), 0));
        }
        return views;
    }

    /** Releases the batch prepared for a step the epoch will not run. */
    void endEpoch() throws InterruptedException {
        if (next != null) {
            await(next).release();
            next = null;
        }
    }

    /** Releases the next epoch's first batch when it is not needed (the run stops before it). */
    void dropCarried() throws InterruptedException {
        if (carried != null) {
            await(carried).release();
            carried = null;
        }
    }

    /** Cancels what is being prepared (the run is failing). */
    void cancel() {
        if (next != null) {
            next.cancel(false);
        }
        if (carried != null) {
            carried.cancel(false);
        }
    }

    /** The dataset's order for an epoch ({@link EpochOrder}): its own, or a seeded shuffle. */
    private int[] orderOf(int epoch) {
        int[] o = EpochOrder.of(pipeline.dataset(), seed, epoch);
        if (o.length != datasetSize) {
            throw new IllegalStateException(pipeline.dataset().description() + ": its epoch order has " + o.length
                    + " images, but the dataset has " + datasetSize);
        }
        return o;
    }

    private int[] slice(int[] from, int start) {
        int[] out = new int[batch];
        System.arraycopy(from, start, out, 0, batch);
        return out;
    }

    private static TwoViewBatch await(Future<TwoViewBatch> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("augmentation failed: " + c, c);
        }
    }
}
