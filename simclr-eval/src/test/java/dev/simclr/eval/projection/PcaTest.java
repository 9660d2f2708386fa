package dev.simclr.eval.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.simclr.eval.TestBackend;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void findsTheLeadingAxesOfAnisotropicGaussianData() {
        int dim = 20;
        int rows = 2000;
        Random r = new Random(5);
        double[] u = unit(r, dim);
        double[] v = unit(r, dim);
        double uv = dot(u, v);
        for (int j = 0; j < dim; j++) {
            v[j] -= uv * u[j];
        }
        v = normalise(v);
        float[] x = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            double a = 5 * r.nextGaussian();
            double b = 2 * r.nextGaussian();
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (3 + a * u[j] + b * v[j] + 0.1 * r.nextGaussian());
            }
        }
        Pca pca;
        try (NDManager m = new TestBackend().newManager()) {
            pca = Pca.fit(m, x, rows, dim, 2, 1);
        }
        assertTrue(Math.abs(dot(pca.components()[0], u)) > 0.999, "first axis along u");
        assertTrue(Math.abs(dot(pca.components()[1], v)) > 0.999, "second axis along v");
        assertEquals(25, pca.variances()[0], 25 * 0.1);
        assertEquals(4, pca.variances()[1], 4 * 0.1);
        assertEquals(25.0 / (25 + 4 + dim * 0.01), pca.explained(0), 0.03);
        double[] xy = pca.project(x, rows);
        double mean = 0;
        for (int i = 0; i < rows; i++) {
            mean += xy[2 * i];
        }
        assertEquals(0, mean / rows, 1e-3, "projections are centred");
    }

    @Test
    void signIsFixedSoTheLargestEntryIsPositive() {
        float[] x = {-4, 0, 4, 0, -2, 0.1f, 2, -0.1f};
        try (NDManager m = new TestBackend().newManager()) {
            double[] axis = Pca.fit(m, x, 4, 2, 1, 3).components()[0];
            assertTrue(axis[0] > 0.99, "axis " + axis[0] + ", " + axis[1]);
        }
    }

    @Test
    void symmetricEigenRecoversAKnownDecomposition() {
        double[][] a = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};
        SymmetricEigen.Result e = SymmetricEigen.of(a);
        assertEquals(5, e.values()[0], 1e-12);
        assertEquals(3, e.values()[1], 1e-12);
        assertEquals(1, e.values()[2], 1e-12);
        assertEquals(1, Math.abs(e.vectors()[1][0] + e.vectors()[1][1]) / Math.sqrt(2), 1e-12);
    }

    private static double[] unit(Random r, int dim) {
        double[] v = new double[dim];
        for (int j = 0; j < dim; j++) {
            v[j] = r.nextGaussian();
        }
        return normalise(v);
    }

    private static double[] normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int j = 0; j < v.length; j++) {
            v[j] /= n;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
