package dev.simclr.api;

import java.util.SplittableRandom;

/**
 * The order in which pre-training visits a dataset's images in one epoch: a permutation of
 * 0..size-1 that depends only on the seed and the epoch, so a run resumed mid-epoch finds the same
 * order again. A dataset that is read best in an order of its own (tar shards, which are read
 * front to back) implements this; every other dataset gets {@link #shuffled}.
 */
public interface EpochOrder {

    int[] order(long seed, int epoch);

    /** The order of datasets without one of their own: a seeded Fisher-Yates shuffle of 0..n-1. */
    static int[] shuffled(int n, long seed, int epoch) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** The epoch order of {@code data}: its own when it has one, otherwise {@link #shuffled}. */
    static int[] of(ImageDataset data, long seed, int epoch) {
        return data instanceof EpochOrder own ? own.order(seed, epoch) : shuffled(data.size(), seed, epoch);
    }
}
