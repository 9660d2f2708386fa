package dev.simclr.eval.projection;

import java.util.Arrays;

/**
 * How far a map can be trusted to show true neighbours (Venna and Kaski 2001; scikit-learn's
 * {@code trustworthiness}): {@code 1 - 2 / (n k (2n - 3k - 1)) Σ_i Σ_{j ∈ U_k(i)} (r(i, j) - k)},
 * where {@code U_k(i)} are the points among i's k nearest on the map that are not among its k
 * nearest in the input, and {@code r(i, j)} is j's rank among i's input neighbours (nearest: 1).
 * 1 means every map neighbourhood holds only input neighbours.
 */
final class Trustworthiness {

    private Trustworthiness() {}

    /**
     * @param x {@code n x dim} input points
     * @param y {@code n x mapDim} map points
     * @param k neighbourhood size, below {@code n / 2}
     */
    static double of(double[] x, int dim, double[] y, int mapDim, int n, int k) {
        if (k < 1 || 2 * k >= n) {
            throw new IllegalArgumentException("trustworthiness needs 1 <= k < n / 2, got k = " + k + " for " + n + " points");
        }
        double penalty = 0;
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            Integer[] input = byDistance(x, dim, n, i);
            for (int r = 0; r < n; r++) {
                rank[input[r]] = r; // input[0] is i itself: the nearest other point has rank 1
            }
            Integer[] map = byDistance(y, mapDim, n, i);
            for (int m = 1; m <= k; m++) {
                int r = rank[map[m]];
                if (r > k) {
                    penalty += r - k;
                }
            }
        }
        return 1 - 2.0 / ((double) n * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }

    /** All points by distance from point {@code i}, i itself first, ties by index. */
    private static Integer[] byDistance(double[] x, int dim, int n, int i) {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double t = x[i * dim + c] - x[j * dim + c];
                s += t * t;
            }
            d[j] = j == i ? -1 : s;
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
        return order;
    }
}
