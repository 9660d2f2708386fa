package dev.simclr.eval.stats;

/**
 * The Wilson score interval of a binomial proportion (Wilson 1927; Brown, Cai and DasGupta 2001,
 * Statistical Science 16(2), recommend it over the normal approximation, which leaves [0, 1] and
 * undercovers near 0 and 1). Here the proportion is a test accuracy: hits among test images.
 */
public final class Wilson {

    /** The two-sided 95 % quantile of the standard normal. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /** The 95 % interval {@code [lo, hi]} of {@code hits / n}, as fractions. */
    public static double[] interval95(int hits, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("an accuracy interval needs at least one test image");
        }
        double p = hits / (double) n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
