package dev.simclr.augment;

/**
 * How far our float32 result of one op may lie from torch's, derived by counting float32 roundings
 * rather than fitted to the reference cases. {@code own} bounds |ours - torch| for the same input:
 * the sum of both sides' forward-error bounds (we do not rely on torch's operation order, though most
 * ops follow it and agree bit for bit). {@code gain} bounds how much the op grows a difference already
 * in its input (its Lipschitz constant in the max norm), so that a chain of ops is bounded by
 * {@code e = gain * e + own} per step.
 *
 * <p>U = 2^-24 is float32's unit roundoff: one rounding of a value of magnitude m moves it by at most
 * U m, and a float32 sum of n non-negative terms is within n U of the exact sum of the terms (the
 * textbook bound gamma_n). Pixel values are in [0, 1] until normalisation.
 */
record ErrorBound(double own, double gain) {

    static final double U = 0x1p-24;

    /** A chained step: the incoming difference grown by this op, plus this op's own. */
    double after(double incoming) {
        return gain * incoming + own;
    }

    static ErrorBound hflip() {
        return new ErrorBound(0, 1);
    }

    /** {@code x >= t ? 1 - x : x}: one rounding; a jump of up to 1 at the threshold, so no finite gain. */
    static ErrorBound solarize() {
        return new ErrorBound(2 * U, Double.POSITIVE_INFINITY);
    }

    /** Luma {@code (0.2989 r + 0.587 g) + 0.114 b}: 3 products and 2 sums, weights summing to 0.9999. */
    static ErrorBound grayscale() {
        return new ErrorBound(2 * 5 * U, 1);
    }

    /** {@code clamp(f x)}: the factor's cast to float32 and one product, both of magnitude <= max(1, f). */
    static ErrorBound brightness(double f) {
        return new ErrorBound(2 * 2 * U * Math.max(1, f), Math.abs(f));
    }

    /**
     * {@code clamp(f x + (1 - f) mean)}: the gray mean carries the luma's 5 roundings, a float32 sum of
     * H*W values (torch: cascade summation, within ceil(log2(HW)) U of the mean; ours: one rounding
     * of a double sum, counted the same) and the division; it enters with weight |1 - f|. The blend
     * adds 3 roundings of magnitude <= |f| + |1 - f|, which is also the gain.
     */
    static ErrorBound contrast(double f, int pixels) {
        double weights = Math.abs(f) + Math.abs(1 - f);
        double mean = (5 + Math.ceil(Math.log(pixels) / Math.log(2)) + 1) * U;
        return new ErrorBound(2 * (Math.abs(1 - f) * mean + 3 * U * weights), weights);
    }

    /** {@code clamp(f x + (1 - f) gray(x))}: the luma's 5 roundings with weight |1 - f|, then the blend's 3. */
    static ErrorBound saturation(double f) {
        double weights = Math.abs(f) + Math.abs(1 - f);
        return new ErrorBound(2 * (Math.abs(1 - f) * 5 * U + 3 * U * weights), weights);
    }

    /**
     * RGB to HSV, hue rotation, HSV to RGB. The hue passes through about ten roundings at magnitudes
     * up to 6 (at most 54 U in 6h); it reaches the output scaled by s v = max - min <= 1, plus the
     * roundings of {@code v (1 - s f)}: 60 U per side, rounded up to 64. In exact arithmetic each
     * output channel is max, min or {@code max - (mid - min) - b (max - min)} with |b| <= 1, so the
     * gain is 3.
     */
    static ErrorBound hue() {
        return new ErrorBound(2 * 64 * U, 3);
    }

    /** {@code (x - mean) / std}: two roundings, the second of a value up to 1 / std. */
    static ErrorBound normalize(double minStd) {
        return new ErrorBound(2 * 2 * U / minStd, 1 / minStd);
    }

    /**
     * Normalised 1-D Gaussian of k taps: exp and its argument (3 U relative), the float32 sum of k
     * terms and the division: (k + 4) U per weight and side.
     */
    static ErrorBound gaussianKernel(int k) {
        return new ErrorBound(2 * (k + 4) * U, 1);
    }

    /**
     * Gaussian blur with a k x k kernel: torch rounds each 2-D weight (one more rounding than the 1-D
     * kernel) and sums k^2 terms, (k^2 + k + 5) U; ours sums k terms twice with the 1-D weights used
     * twice, (4k + 8) U. The weights are positive and sum to 1, so the gain is 1.
     */
    static ErrorBound gaussianBlur(int k) {
        return new ErrorBound(((double) k * k + k + 5 + 4 * k + 8) * U, 1);
    }

    /** {@code resized_crop}: a copy when the crop already has the output size (functional.py 467-468). */
    static ErrorBound resizedCrop(int cropH, int cropW, int outH, int outW, boolean antialias) {
        if (cropH == outH && cropW == outW) {
            return new ErrorBound(0, 1);
        }
        return antialias ? antialiased(cropH, outH, cropW, outW) : bilinear(cropH, cropW);
    }

    /**
     * Bilinear resize without antialias. {@code (p00 a + p01 b) wy0 + (p10 a + p11 b) wy1} is 3
     * roundings deep on each path and {@code 1 - l1} one more: 4 U. The source position
     * {@code scale (d + 0.5) - 0.5} is below the crop's length n; forming it with another grouping
     * or precision moves it by one rounding, U n, and with it a weight, which moves the output by
     * at most U n (pixel differences are at most 1): U (cropH + cropW) per side.
     */
    private static ErrorBound bilinear(int cropH, int cropW) {
        return new ErrorBound(2 * (4 + cropH + cropW) * U, 1);
    }

    /**
     * Antialiased (triangle filter) resize, separable: per axis {@code taps = 2 ceil(support) + 1}
     * source values, support = max(in / out, 1); each weight normalised by a float32 sum of the taps
     * (taps + 1 roundings) and each pass a float32 sum of taps terms. The filter centre, below n,
     * carries one rounding, U n, which moves each tap's weight by U n / support.
     */
    private static ErrorBound antialiased(int inH, int outH, int inW, int outW) {
        double rows = axis(inH, outH);
        double cols = axis(inW, outW);
        return new ErrorBound(2 * (rows + cols) * U, 1);
    }

    /** One antialiased pass in units of U: its sums, its weights' normalisation and its centre. */
    private static double axis(int in, int out) {
        double support = Math.max((double) in / out, 1);
        int taps = 2 * (int) Math.ceil(support) + 1;
        return 2 * taps + 1 + taps * in / support;
    }
}
