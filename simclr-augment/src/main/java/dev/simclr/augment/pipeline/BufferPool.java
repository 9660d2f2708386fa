package dev.simclr.augment.pipeline;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A few batch buffers kept for reuse: with one batch in the engine and the next being prepared,
 * two or three buffers serve a whole run, so no large array is allocated per step.
 */
final class BufferPool {

    private final int capacity;
    private final ConcurrentLinkedDeque<float[]> free = new ConcurrentLinkedDeque<>();

    BufferPool(int capacity) {
        this.capacity = capacity;
    }

    /** A buffer of exactly {@code length} floats, reused when one is free; its contents are stale. */
    float[] acquire(int length) {
        for (Iterator<float[]> it = free.iterator(); it.hasNext(); ) {
            float[] b = it.next();
            if (b.length == length && free.removeFirstOccurrence(b)) {
                return b;
            }
        }
        return new float[length];
    }

    void release(float[] buffer) {
        if (free.size() < capacity) {
            free.addFirst(buffer);
        } else {
            // keep the most recent sizes: drop the oldest
            free.pollLast();
            free.addFirst(buffer);
        }
    }

    int freeCount() {
        return free.size();
    }
}
