package dev.simclr.eval.knn;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Features;

/**
 * kNN on cosine similarity with temperature-weighted votes. Each of the k most similar bank
 * entries votes for its class with weight {@code exp(sim / T)}: a soft version of majority voting
 * where a near neighbour counts far more than a distant one, and T sets how much more. This is
 * the weighted kNN of instance discrimination (Wu et al. 2018, Section 3.4) that solo-learn's
 * {@code WeightedKNNClassifier} and lightly's {@code knn_predict} use to monitor self-supervised
 * training; their defaults are k = 200 and T = 0.1.
 */
final class WeightedKnn {

    private final int k;
    private final double temperature;

    WeightedKnn(int k, double temperature) {
        this.k = k;
        this.temperature = temperature;
    }

    /**
     * Class scores (summed vote weights) of each query row against the bank.
     *
     * @return {@code queries.count() x classes} scores
     */
    float[] scores(NDManager parent, Features bank, Features queries, int classes) {
        return Neighbours.find(parent, bank, queries, k).votes(k, temperature, classes);
    }

    /**
     * The {@code k} largest entries of each row of a {@code rows x n} matrix, largest first, with
     * their column indices (ties: lower index first).
     */
    static void topKOnHost(float[] m, int rows, int n, int k, float[] values, long[] indices) {
        int[] heap = new int[k];
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            int size = 0;
            for (int j = 0; j < n; j++) {
                float v = m[base + j];
                if (size < k) {
                    heap[size] = j;
                    siftUp(m, base, heap, size++);
                } else if (v > m[base + heap[0]]) {
                    heap[0] = j;
                    siftDown(m, base, heap, size);
                }
            }
            for (int out = size - 1; out >= 0; out--) {
                indices[r * k + out] = heap[0];
                values[r * k + out] = m[base + heap[0]];
                heap[0] = heap[out];
                siftDown(m, base, heap, out);
            }
        }
    }

    /** Min-heap order on (value, then higher index counts as smaller, so lower indices win ties). */
    private static boolean less(float[] m, int base, int a, int b) {
        float va = m[base + a];
        float vb = m[base + b];
        return va < vb || (va == vb && a > b);
    }

    private static void siftUp(float[] m, int base, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(m, base, heap[i], heap[parent])) {
                break;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(float[] m, int base, int[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int smallest = i;
            if (l < size && less(m, base, heap[l], heap[smallest])) {
                smallest = l;
            }
            if (r < size && less(m, base, heap[r], heap[smallest])) {
                smallest = r;
            }
            if (smallest == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = t;
            i = smallest;
        }
    }

    /** Rows scaled to unit L2 norm (a zero row stays zero: similar to nothing). */
    static float[] unitRows(float[] x, int rows, int dim) {
        return unitRows(x, 0, rows, dim);
    }

    /** Rows {@code first..first+rows-1} of {@code x} scaled to unit L2 norm, without copying the rest. */
    static float[] unitRows(float[] x, int first, int rows, int dim) {
        float[] out = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            int in = (first + i) * dim;
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double v = x[in + j];
                sq += v * v;
            }
            double inv = sq > 0 ? 1.0 / Math.sqrt(sq) : 0.0;
            for (int j = 0; j < dim; j++) {
                out[i * dim + j] = (float) (x[in + j] * inv);
            }
        }
        return out;
    }
}
