package dev.simclr.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A paired bootstrap of the difference in accuracy between two classifiers scored on the same test
 * images (Efron and Tibshirani 1993, An Introduction to the Bootstrap, Chapter 13, percentile
 * interval): test images are drawn with replacement and both classifiers are scored on the same
 * draw, so the image-to-image variation they share cancels out of the difference.
 */
public final class PairedBootstrap {

    /** Resamples per interval. */
    public static final int RESAMPLES = 10_000;

    private PairedBootstrap() {}

    /**
     * The 95 % percentile interval of {@code accuracy(a) - accuracy(b)}, as a fraction.
     *
     * @param a per-image hits of the first classifier
     * @param b per-image hits of the second, on the same images in the same order
     * @param seed seed of the resampling
     */
    public static double[] differenceInterval95(boolean[] a, boolean[] b, long seed) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a paired bootstrap needs hits on the same non-empty test images, got "
                    + a.length + " and " + b.length);
        }
        int n = a.length;
        int[] delta = new int[n];
        for (int i = 0; i < n; i++) {
            delta[i] = (a[i] ? 1 : 0) - (b[i] ? 1 : 0);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += delta[rng.nextInt(n)];
            }
            diffs[r] = sum / (double) n;
        }
        Arrays.sort(diffs);
        return new double[] {quantile(diffs, 0.025), quantile(diffs, 0.975)};
    }

    /** Linear interpolation between order statistics ({@code numpy.quantile}'s default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
