package dev.simclr.eval.probe;

import dev.simclr.api.Features;

/**
 * Per-feature centring and scaling with statistics of the training split, applied alike to every
 * split so the test split never leaks into the fit. Also appends the constant 1 that carries the
 * bias, so the probe is one matrix.
 *
 * @param mean per-feature mean
 * @param invStd per-feature 1/std (1 where a feature is constant: it is only centred)
 */
record Standardizer(float[] mean, float[] invStd) {

    static Standardizer identity(int dim) {
        float[] zero = new float[dim];
        float[] one = new float[dim];
        java.util.Arrays.fill(one, 1f);
        return new Standardizer(zero, one);
    }

    static Standardizer fit(Features f) {
        int n = f.count();
        int d = f.dim();
        float[] x = f.data();
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double v = x[row + j];
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        float[] mean = new float[d];
        float[] invStd = new float[d];
        for (int j = 0; j < d; j++) {
            double m = n == 0 ? 0 : sum[j] / n;
            double var = n == 0 ? 0 : Math.max(0, sq[j] / n - m * m);
            mean[j] = (float) m;
            double std = Math.sqrt(var);
            invStd[j] = std > 1e-6 ? (float) (1.0 / std) : 1f;
        }
        return new Standardizer(mean, invStd);
    }

    /** The rows of {@code f}, standardised, each followed by a 1: {@code count x (dim + 1)}. */
    float[] withBias(Features f) {
        int n = f.count();
        int d = f.dim();
        if (d != mean.length) {
            throw new IllegalArgumentException("features of size " + d + " do not match the probe's " + mean.length);
        }
        float[] x = f.data();
        float[] out = new float[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            int src = i * d;
            int dst = i * (d + 1);
            for (int j = 0; j < d; j++) {
                out[dst + j] = (x[src + j] - mean[j]) * invStd[j];
            }
            out[dst + d] = 1f;
        }
        return out;
    }
}
