package dev.simclr.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.EngineArrays;
import dev.simclr.api.LossResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NT-Xent, the normalised temperature-scaled cross-entropy loss of SimCLR (Chen et al. 2020,
 * arXiv:2002.05709, section 2.1, eq. 1).
 *
 * <p>In: {@code [2B, D]} raw projections, rows {@code 0..B-1} the first views and rows
 * {@code B..2B-1} the second views of the same images, so row {@code i}'s positive is row
 * {@code (i + B) mod 2B}. Each row is L2-normalised (as {@code F.normalize}: divided by
 * {@code max(||z||, 1e-12)}), all cosine similarities form a {@code [2B, 2B]} matrix that is divided
 * by the temperature, the diagonal is excluded, and each row is a {@code 2B - 1}-way classification
 * whose target is its positive. Out: the mean cross entropy over the {@code 2B} rows (a scalar that
 * gradients flow through) and metrics computed without gradient.
 *
 * <p>With one pair ({@code B = 1}) each row has only its positive: the loss and its gradients are 0,
 * as in the reference implementation (PyTorch 1.13).
 *
 * <p>Every candidate must be in the input: with several devices, compute it through
 * {@link GlobalBatch#backward} so negatives come from the global batch.
 *
 * <p>Inputs of a floating type narrower than float32 are promoted to float32, so the excluded
 * diagonal stays finite.
 */
public final class NtXentLoss implements ContrastiveLoss, AutoCloseable {

    /** Metric: fraction of rows whose positive is more similar than every negative. */
    public static final String TOP1 = "contrastive_top1";
    /** Metric: mean cosine similarity of the {@code 2B} positive pairs (row order). */
    public static final String POS_SIM = "pos_sim";
    /** Metric: mean cosine similarity over all {@code 2B (2B - 2)} negative pairs; 0 when B = 1. */
    public static final String NEG_SIM = "neg_sim";

    private final double temperature;
    private final PairMaskCache masks = new PairMaskCache();

    /** @param temperature tau of eq. 1, positive; SimCLR uses 0.1 to 0.5 */
    public NtXentLoss(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("NT-Xent temperature must be a positive number, got " + temperature);
        }
        this.temperature = temperature;
    }

    public double temperature() {
        return temperature;
    }

    @Override
    public LossResult compute(NDArray projections) {
        NDArray z = checked(projections);
        int rows = Math.toIntExact(z.getShape().get(0));
        PairMasks m = masks.get(z.getManager(), rows / 2, z.getDevice(), z.getDataType());

        // scalars on the gradient's path come from EngineArrays.scalar, not DJL's Number overloads (see there)
        NDManager manager = z.getManager();
        NDArray unit = z.div(z.norm(new int[] {1}, true).maximum(EngineArrays.scalar(manager, 1e-12f)));
        NDArray cosine = unit.matMul(unit.transpose());
        // the temperature scales the similarities before the softmax (eq. 1)
        NDArray logits = cosine.div(EngineArrays.scalar(manager, temperature)).add(m.selfPenalty());
        NDArray logProbPositive = logits.logSoftmax(1).gather(m.partner(), 1);
        NDArray loss = logProbPositive.mean().neg();
        return new LossResult(loss, metrics(cosine.stopGradient(), m, rows));
    }

    private static Map<String, Double> metrics(NDArray cosine, PairMasks m, int rows) {
        NDArray positive = cosine.gather(m.partner(), 1).squeeze(1);
        NDArray bestNegative = cosine.add(m.negativesPenalty()).max(new int[] {1});
        NDArray top1 = positive.gt(bestNegative).toType(DataType.FLOAT32, false).mean();
        NDArray negativeSum = cosine.sum().sub(cosine.mul(m.self()).sum()).sub(positive.sum());
        float[] v = NDArrays.stack(new NDList(
                        top1, positive.mean().toType(DataType.FLOAT32, false),
                        negativeSum.toType(DataType.FLOAT32, false)))
                .toFloatArray();
        long negatives = (long) rows * (rows - 2);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(TOP1, (double) v[0]);
        out.put(POS_SIM, (double) v[1]);
        out.put(NEG_SIM, negatives == 0 ? 0.0 : v[2] / (double) negatives);
        return out;
    }

    private static NDArray checked(NDArray projections) {
        long[] shape = projections.getShape().getShape();
        if (shape.length != 2 || shape[0] < 2 || shape[0] % 2 != 0) {
            throw new IllegalArgumentException("NT-Xent expects [2B, D] projections (B first views, then the B second "
                    + "views in the same order), got shape " + projections.getShape());
        }
        DataType type = projections.getDataType();
        if (!type.isFloating()) {
            throw new IllegalArgumentException("NT-Xent expects floating-point projections, got " + type);
        }
        return type == DataType.FLOAT32 || type == DataType.FLOAT64
                ? projections
                : projections.toType(DataType.FLOAT32, false);
    }

    /** Releases the cached masks. */
    @Override
    public void close() {
        masks.close();
    }

    /** The masks of the last few (batch size, device, type) combinations, made on first use. */
    private static final class PairMaskCache implements AutoCloseable {
        private static final int CAPACITY = 8;

        private record Key(int pairs, Device device, DataType type) {}

        private final Map<Key, PairMasks> entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PairMasks> eldest) {
                if (size() > CAPACITY) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };

        synchronized PairMasks get(NDManager engineManager, int pairs, Device device, DataType type) {
            Key key = new Key(pairs, device, type);
            PairMasks m = entries.get(key);
            if (m == null || !m.isUsable()) {
                m = PairMasks.build(engineManager, pairs, device, type);
                entries.put(key, m);
            }
            return m;
        }

        @Override
        public synchronized void close() {
            entries.values().forEach(PairMasks::close);
            entries.clear();
        }
    }
}
