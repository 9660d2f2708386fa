package dev.simclr.augment.pipeline;

import dev.simclr.api.ImageShape;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One prepared batch: {@code [2B, C, H, W]} floats, view 1 of image k in row k and view 2 in row
 * B + k. Call {@link #release()} when the data has been copied to the engine; the buffer then goes
 * back to the pipeline's pool and must not be read again.
 */
public final class TwoViewBatch {

    private final float[] data;
    private final int batchSize;
    private final ImageShape shape;
    private final int[] indices;
    private final double prepareSeconds;
    private final BufferPool pool;
    private final AtomicBoolean released = new AtomicBoolean();

    TwoViewBatch(float[] data, int batchSize, ImageShape shape, int[] indices, double prepareSeconds, BufferPool pool) {
        this.data = data;
        this.batchSize = batchSize;
        this.shape = shape;
        this.indices = indices;
        this.prepareSeconds = prepareSeconds;
        this.pool = pool;
    }

    /** The views, {@code 2 * batchSize() * shape().size()} floats. */
    public float[] data() {
        if (released.get()) {
            throw new IllegalStateException("this batch was released; its buffer now belongs to another batch");
        }
        return data;
    }

    /** B: the number of source images (the batch holds 2B views). */
    public int batchSize() {
        return batchSize;
    }

    /** Shape of one view. */
    public ImageShape shape() {
        return shape;
    }

    /** Dataset indices of the source images, in row order. */
    public int[] indices() {
        return indices.clone();
    }

    /** Wall time the workers took to prepare this batch. */
    public double prepareSeconds() {
        return prepareSeconds;
    }

    /** Returns the buffer to the pool; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true) && pool != null) {
            pool.release(data);
        }
    }
}
