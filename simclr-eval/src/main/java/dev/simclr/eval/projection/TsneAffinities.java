package dev.simclr.eval.projection;

import java.util.Arrays;

/**
 * The input similarities of t-SNE as a sparse symmetric matrix (rows in compressed form). Each
 * point's conditional distribution {@code p(j|i) ∝ exp(-beta_i |x_i - x_j|²)} has its precision
 * found by bisection so that its perplexity {@code 2^H} is the one asked for (van der Maaten and
 * Hinton 2008, Section 2); then {@code p_ij = (p(j|i) + p(i|j)) / 2n} (their Section 3.1). The
 * exact form keeps every other point; the Barnes-Hut form keeps only each point's
 * {@code floor(3 * perplexity)} nearest (van der Maaten 2014, Section 4.1).
 *
 * @param start row i's entries are {@code start[i] .. start[i+1]-1}
 * @param column column of each entry
 * @param value {@code p_ij} of each entry; all of them sum to 1
 */
record TsneAffinities(int[] start, int[] column, double[] value) {

    private static final int BISECTION_STEPS = 200;
    private static final double ENTROPY_TOLERANCE = 1e-5;

    /**
     * @param x {@code n x dim} row-major points
     * @param neighbours points kept per row ({@code n - 1}: exact)
     */
    static TsneAffinities of(double[] x, int n, int dim, double perplexity, int neighbours) {
        int k = Math.min(neighbours, n - 1);
        long[] keys = new long[2 * n * k];
        double[] values = new double[2 * n * k];
        double[] dist = new double[n];
        Integer[] order = new Integer[n];
        int[] nearest = new int[k];
        double[] d = new double[k];
        int e = 0;
        for (int i = 0; i < n; i++) {
            squaredDistances(x, dim, i, n, dist);
            nearest(dist, i, order, nearest);
            for (int j = 0; j < k; j++) {
                d[j] = dist[nearest[j]];
            }
            double[] p = conditional(d, perplexity);
            for (int j = 0; j < k; j++) {
                keys[e] = (long) i * n + nearest[j];
                values[e++] = p[j];
                keys[e] = (long) nearest[j] * n + i;
                values[e++] = p[j];
            }
        }
        return merge(keys, values, n);
    }

    /** {@code p(j|i)} over the given squared distances, with the precision that gives the perplexity. */
    static double[] conditional(double[] d, double perplexity) {
        double target = Math.log(perplexity);
        double min = Arrays.stream(d).min().orElse(0);
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[d.length];
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < d.length; j++) {
                p[j] = Math.exp(-beta * (d[j] - min)); // the shift cancels in the normalisation
                sum += p[j];
                weighted += p[j] * (d[j] - min);
            }
            double entropy = Math.log(sum) + beta * weighted / sum; // natural log: perplexity e^H
            for (int j = 0; j < d.length; j++) {
                p[j] /= sum;
            }
            if (Math.abs(entropy - target) < ENTROPY_TOLERANCE) {
                break;
            }
            if (entropy > target) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        return p;
    }

    /** Rows in compressed form, duplicates summed, divided by {@code 2n} so all entries sum to 1. */
    private static TsneAffinities merge(long[] keys, double[] values, int n) {
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] start = new int[n + 1];
        int[] column = new int[keys.length];
        double[] value = new double[keys.length];
        int m = -1;
        long last = -1;
        for (Integer at : idx) {
            if (keys[at] != last) {
                last = keys[at];
                m++;
                column[m] = (int) (last % n);
                start[(int) (last / n) + 1]++;
            }
            value[m] += values[at] / (2.0 * n);
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        return new TsneAffinities(start, Arrays.copyOf(column, m + 1), Arrays.copyOf(value, m + 1));
    }

    private static void squaredDistances(double[] x, int dim, int i, int n, double[] out) {
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double t = x[i * dim + c] - x[j * dim + c];
                s += t * t;
            }
            out[j] = s;
        }
    }

    /** The {@code out.length} points nearest to {@code i} (itself excluded), ties by index. */
    private static void nearest(double[] dist, int i, Integer[] order, int[] out) {
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : Double.compare(dist[a], dist[b]) != 0 ? Double.compare(dist[a], dist[b]) : a - b);
        int m = 0;
        for (int j = 0; j < order.length && m < out.length; j++) {
            if (order[j] != i) {
                out[m++] = order[j];
            }
        }
    }
}
