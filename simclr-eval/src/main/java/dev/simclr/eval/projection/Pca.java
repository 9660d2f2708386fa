package dev.simclr.eval.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Principal components of row vectors. The covariance {@code Xc^T Xc / (n - 1)} is one matmul on
 * the engine; its leading eigenvectors come from block power (subspace) iteration with a few more
 * vectors than asked for, which speeds convergence to the ratio of the (block+1)-th to the asked
 * eigenvalue, and a Rayleigh-Ritz step (Saad, Numerical Methods for Large Eigenvalue Problems,
 * Chapter 5). Each component's sign is fixed so its largest-magnitude entry is positive, as
 * scikit-learn's {@code svd_flip} does, so the same data always gives the same picture.
 *
 * @param mean per-feature mean
 * @param components {@code components[i]} is the i-th unit principal axis
 * @param variances variance along each axis
 * @param totalVariance sum of all features' variances (trace of the covariance)
 */
public record Pca(float[] mean, double[][] components, double[] variances, double totalVariance) {

    private static final int EXTRA = 6;
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-7;

    /** Fits {@code count} components (at most {@code dim}) to {@code rows x dim} row-major data. */
    public static Pca fit(NDManager parent, float[] x, int rows, int dim, int count, long seed) {
        if (rows < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + rows);
        }
        double[] sum = new double[dim];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                sum[j] += x[i * dim + j];
            }
        }
        float[] mean = new float[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = (float) (sum[j] / rows);
        }
        float[] centred = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                centred[i * dim + j] = x[i * dim + j] - mean[j];
            }
        }
        double total = 0;
        for (float v : centred) {
            total += (double) v * v;
        }
        total /= rows - 1;
        count = Math.min(count, dim);
        int block = Math.min(dim, count + EXTRA);
        try (NDManager m = parent.newSubManager()) {
            NDArray xc = m.create(centred, new Shape(rows, dim));
            NDArray cov = xc.transpose().matMul(xc).div(rows - 1);
            double[][] basis = randomBasis(block, dim, seed);
            SymmetricEigen.Result ritz = null;
            double[][] ritzVectors = null;
            double[] previous = null;
            for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
                double[][] product = multiply(m, cov, basis, dim);
                // Rayleigh-Ritz on the current subspace: B^T C B, with C B already at hand
                double[][] small = new double[block][block];
                for (int a = 0; a < block; a++) {
                    for (int b = 0; b < block; b++) {
                        small[a][b] = dot(basis[a], product[b]);
                    }
                }
                ritz = SymmetricEigen.of(small);
                ritzVectors = combine(ritz.vectors(), basis, count);
                if (previous != null && converged(previous, ritz.values(), count)) {
                    break;
                }
                previous = ritz.values();
                basis = orthonormalise(product, seed + iter + 1);
            }
            double[][] components = ritzVectors;
            for (double[] c : components) {
                fixSign(c);
            }
            double[] variances = java.util.Arrays.copyOf(ritz.values(), count);
            return new Pca(mean, components, variances, total);
        }
    }

    /** Coordinates of {@code rows x dim} data on the components: {@code rows x count}. */
    public double[] project(float[] x, int rows) {
        int dim = mean.length;
        int count = components.length;
        double[] out = new double[rows * count];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < count; c++) {
                double s = 0;
                double[] axis = components[c];
                for (int j = 0; j < dim; j++) {
                    s += (x[i * dim + j] - mean[j]) * axis[j];
                }
                out[i * count + c] = s;
            }
        }
        return out;
    }

    /** Fraction of the total variance along component {@code i}. */
    public double explained(int i) {
        return totalVariance > 0 ? variances[i] / totalVariance : 0.0;
    }

    private static boolean converged(double[] before, double[] now, int count) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(now[i] - before[i]) > TOLERANCE * Math.max(Math.abs(now[0]), 1e-30)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] multiply(NDManager parent, NDArray cov, double[][] basis, int dim) {
        int block = basis.length;
        float[] b = new float[dim * block];
        for (int j = 0; j < dim; j++) {
            for (int k = 0; k < block; k++) {
                b[j * block + k] = (float) basis[k][j];
            }
        }
        float[] r;
        try (NDManager step = parent.newSubManager()) {
            cov.tempAttach(step);
            r = cov.matMul(step.create(b, new Shape(dim, block))).toFloatArray();
        }
        double[][] out = new double[block][dim];
        for (int j = 0; j < dim; j++) {
            for (int k = 0; k < block; k++) {
                out[k][j] = r[j * block + k];
            }
        }
        return out;
    }

    private static double[][] randomBasis(int block, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[block][dim];
        for (double[] row : v) {
            for (int j = 0; j < dim; j++) {
                row[j] = rng.nextDouble() - 0.5;
            }
        }
        return orthonormalise(v, seed);
    }

    /** Modified Gram-Schmidt; a vector that vanishes (rank-deficient data) is replaced by a random one. */
    private static double[][] orthonormalise(double[][] v, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int k = 0; k < v.length; k++) {
            for (int attempt = 0; attempt < 3; attempt++) {
                for (int p = 0; p < k; p++) {
                    double d = dot(v[p], v[k]);
                    for (int j = 0; j < v[k].length; j++) {
                        v[k][j] -= d * v[p][j];
                    }
                }
                double norm = Math.sqrt(dot(v[k], v[k]));
                if (norm > 1e-10) {
                    for (int j = 0; j < v[k].length; j++) {
                        v[k][j] /= norm;
                    }
                    break;
                }
                for (int j = 0; j < v[k].length; j++) {
                    v[k][j] = rng.nextDouble() - 0.5;
                }
            }
        }
        return v;
    }

    private static double[][] combine(double[][] small, double[][] basis, int count) {
        int dim = basis[0].length;
        double[][] out = new double[count][dim];
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < basis.length; k++) {
                double w = small[c][k];
                for (int j = 0; j < dim; j++) {
                    out[c][j] += w * basis[k][j];
                }
            }
            double norm = Math.sqrt(dot(out[c], out[c]));
            if (norm > 0) {
                for (int j = 0; j < dim; j++) {
                    out[c][j] /= norm;
                }
            }
        }
        return out;
    }

    private static void fixSign(double[] v) {
        int arg = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[arg])) {
                arg = j;
            }
        }
        if (v[arg] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
