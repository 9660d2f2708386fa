package dev.simclr.augment.pipeline;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random source of one view: a {@link SplittableRandom} seeded by a 64-bit key mixed from
 * (seed, epoch, image index, view). Each coordinate goes through a full avalanche (the SplitMix64
 * finaliser) before the next is added, so neighbouring indices or epochs give unrelated streams.
 */
public final class ViewRandom {

    private ViewRandom() {
    }

    public static RandomGenerator forView(long seed, int epoch, int imageIndex, int view) {
        return new SplittableRandom(key(seed, epoch, imageIndex, view));
    }

    /** The mixed key, exposed for tests of independence. */
    static long key(long seed, int epoch, int imageIndex, int view) {
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h + 0x9E3779B97F4A7C15L * (epoch + 1L));
        h = mix(h + 0xC2B2AE3D27D4EB4FL * (imageIndex + 1L));
        h = mix(h + 0x165667B19E3779F9L * (view + 1L));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
