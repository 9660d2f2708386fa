package dev.simclr.eval.knn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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

    /** Similarities computed at once: at most this many floats (query chunk x bank size). */
    private static final long CHUNK_FLOATS = 1L << 23;

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
        int n = bank.count();
        int d = bank.dim();
        int kk = Math.min(k, n);
        int chunk = (int) Math.max(1, Math.min(queries.count(), CHUNK_FLOATS / Math.max(1, n)));
        float[] out = new float[queries.count() * classes];
        int[] bankLabels = bank.labels();
        try (NDManager m = parent.newSubManager()) {
            NDArray bankT = m.create(unitRows(bank.data(), n, d), new Shape(n, d)).transpose();
            for (int start = 0; start < queries.count(); start += chunk) {
                int count = Math.min(chunk, queries.count() - start);
                float[] q = unitRows(java.util.Arrays.copyOfRange(queries.data(), start * d, (start + count) * d), count, d);
                float[] sims;
                long[] idx;
                try (NDManager step = m.newSubManager()) {
                    bankT.tempAttach(step);
                    NDArray sim = step.create(q, new Shape(count, d)).matMul(bankT);
                    NDList top = sim.topK(kk, 1, true, true);
                    sims = top.get(0).toFloatArray();
                    idx = top.get(1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
                }
                for (int i = 0; i < count; i++) {
                    int row = (start + i) * classes;
                    for (int j = 0; j < kk; j++) {
                        int neighbour = (int) idx[i * kk + j];
                        out[row + bankLabels[neighbour]] += (float) Math.exp(sims[i * kk + j] / temperature);
                    }
                }
            }
        }
        return out;
    }

    /** Rows scaled to unit L2 norm (a zero row stays zero: similar to nothing). */
    static float[] unitRows(float[] x, int rows, int dim) {
        float[] out = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double v = x[i * dim + j];
                sq += v * v;
            }
            double inv = sq > 0 ? 1.0 / Math.sqrt(sq) : 0.0;
            for (int j = 0; j < dim; j++) {
                out[i * dim + j] = (float) (x[i * dim + j] * inv);
            }
        }
        return out;
    }
}
