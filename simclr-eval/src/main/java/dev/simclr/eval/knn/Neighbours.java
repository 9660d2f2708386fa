package dev.simclr.eval.knn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.EngineArrays;
import dev.simclr.api.Features;

/**
 * The most similar bank entries of each query by cosine similarity, most similar first: found once
 * for the largest k of a grid, they serve every smaller k and every temperature, so choosing k and
 * T on a validation split costs one similarity pass.
 *
 * @param similarity {@code queries x k} cosine similarities, each row descending
 * @param labels the neighbours' labels, same layout
 * @param indices the neighbours' rows in the bank, same layout
 * @param k neighbours kept per query (at most the bank's size)
 */
record Neighbours(float[] similarity, int[] labels, int[] indices, int k) {

    /** Similarities computed at once: at most this many floats (query chunk x bank size). */
    private static final long CHUNK_FLOATS = 1L << 23;

    /** The {@code k} (at most the bank's size) nearest bank entries of every query. */
    static Neighbours find(NDManager parent, Features bank, Features queries, int k) {
        int n = bank.count();
        int d = bank.dim();
        int kk = Math.min(k, n);
        int chunk = (int) Math.max(1, Math.min(queries.count(), CHUNK_FLOATS / Math.max(1, n)));
        float[] sims = new float[queries.count() * kk];
        int[] labels = new int[queries.count() * kk];
        int[] rows = new int[queries.count() * kk];
        boolean engineTopK = true;
        try (NDManager m = parent.newSubManager()) {
            NDArray bankT = EngineArrays.of(m, WeightedKnn.unitRows(bank.data(), n, d), new Shape(n, d)).transpose();
            for (int start = 0; start < queries.count(); start += chunk) {
                int count = Math.min(chunk, queries.count() - start);
                float[] q = WeightedKnn.unitRows(queries.data(), start, count, d);
                float[] values = new float[count * kk];
                long[] idx = new long[count * kk];
                try (NDManager step = m.newSubManager()) {
                    bankT.tempAttach(step);
                    NDArray sim = EngineArrays.of(step, q, new Shape(count, d)).matMul(bankT);
                    if (engineTopK) {
                        try {
                            NDList top = sim.topK(kk, 1, true, true);
                            values = top.get(0).toFloatArray();
                            idx = top.get(1).toType(DataType.INT64, false).toLongArray();
                        } catch (UnsupportedOperationException e) {
                            engineTopK = false; // e.g. DJL's TensorFlow engine has no topK: select on the host
                        }
                    }
                    if (!engineTopK) {
                        WeightedKnn.topKOnHost(sim.toFloatArray(), count, n, kk, values, idx);
                    }
                }
                System.arraycopy(values, 0, sims, start * kk, count * kk);
                for (int i = 0; i < count * kk; i++) {
                    rows[start * kk + i] = (int) idx[i];
                    labels[start * kk + i] = bank.labels()[(int) idx[i]];
                }
            }
        }
        return new Neighbours(sims, labels, rows, kk);
    }

    /** Queries these neighbours belong to. */
    int queries() {
        return k == 0 ? 0 : similarity.length / k;
    }

    /**
     * Class scores of each query: its {@code k} nearest (at most those kept) vote for their class
     * with weight {@code exp(sim / T)}.
     *
     * @return {@code queries x classes} scores
     */
    float[] votes(int voters, double temperature, int classes) {
        int use = Math.min(voters, k);
        int rows = queries();
        float[] out = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < use; j++) {
                out[i * classes + labels[i * k + j]] += (float) Math.exp(similarity[i * k + j] / temperature);
            }
        }
        return out;
    }
}
