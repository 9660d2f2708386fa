package dev.simclr.pytorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One or two updates of each optimizer against values worked out by hand from its definition. */
class OptimizerUpdateTest {

    private static final float TOLERANCE = 1e-6f;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static Tracker constant(double lr) {
        return Tracker.fixed((float) lr);
    }

    @Test
    void adamFirstStepsMatchTorchAdamWithL2DecayAndBiasCorrection() {
        Adam adam = Adam.builder().setLearningRateTracker(constant(0.1)).optWeightDecays(0.01f).build();
        NDArray w = manager.create(new float[] {1f, -2f});
        double[] expected = {1, -2};
        double[] m = new double[2];
        double[] v = new double[2];
        float[] grad = {0.5f, 0.1f};
        for (int t = 1; t <= 2; t++) {
            adam.update("w", w, manager.create(grad));
            for (int i = 0; i < 2; i++) {
                double g = grad[i] + 0.01 * expected[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                expected[i] -= 0.1 * mHat / denominator;
            }
            assertArrayEquals(toFloats(expected), w.toFloatArray(), TOLERANCE, "after update " + t);
        }
        assertEquals(2, adam.state().get("w").updates());
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        Adam adam = Adam.builder().setLearningRateTracker(constant(0.1)).optWeightDecays(0.01f).build();
        NDArray w = manager.create(new float[] {1f, -2f});
        adam.update("w", w, manager.create(new float[] {0.5f, 0.1f}));
        // g' = (0.51, 0.08): both positive, so both weights go down by 0.1 (up to eps)
        assertArrayEquals(new float[] {0.9f, -2.1f}, w.toFloatArray(), 1e-6f);
    }

    @Test
    void sgdWithNesterovMomentumMatchesTorchSgd() {
        Sgd sgd = Sgd.builder().setLearningRateTracker(constant(0.5)).optMomentum(0.9f).optNesterov(true).optWeightDecays(0.1f).build();
        NDArray w = manager.create(new float[] {1f, 2f});
        // update 1: g' = g + 0.1 w = (0.3, 0.2) + (0.1, 0.2) = (0.4, 0.4); buffer = g'; d = g' + 0.9 buffer = (0.76, 0.76)
        sgd.update("w", w, manager.create(new float[] {0.3f, 0.2f}));
        assertArrayEquals(new float[] {1f - 0.38f, 2f - 0.38f}, w.toFloatArray(), TOLERANCE);
        // update 2: w = (0.62, 1.62); g' = (0.3, 0.2) + (0.062, 0.162) = (0.362, 0.362)
        // buffer = 0.9 * 0.4 + 0.362 = 0.722; d = 0.362 + 0.9 * 0.722 = 1.0118; w -= 0.5 d
        sgd.update("w", w, manager.create(new float[] {0.3f, 0.2f}));
        assertArrayEquals(new float[] {0.62f - 0.5059f, 1.62f - 0.5059f}, w.toFloatArray(), TOLERANCE);
        assertArrayEquals(new float[] {0.722f, 0.722f}, sgd.state().get("w").buffers().get(Sgd.MOMENTUM_BUFFER).toFloatArray(), TOLERANCE);
    }

    @Test
    void sgdWithoutNesterovStepsAlongTheBuffer() {
        Sgd sgd = Sgd.builder().setLearningRateTracker(constant(0.1)).optMomentum(0.5f).build();
        NDArray w = manager.create(new float[] {0f});
        sgd.update("w", w, manager.create(new float[] {1f}));
        sgd.update("w", w, manager.create(new float[] {1f}));
        // buffers 1 then 1.5: w = -0.1 - 0.15
        assertArrayEquals(new float[] {-0.25f}, w.toFloatArray(), TOLERANCE);
    }

    @Test
    void larsScalesTheStepByTheTrustRatioWithClassicMomentum() {
        Lars lars = Lars.builder().setLearningRateTracker(constant(2.0)).optMomentum(0.9f).optTrustCoefficient(0.001f)
                .optWeightDecays(0.1f).optExcludedIds(Set.of()).build();
        NDArray w = manager.create(new float[] {3f, 4f});
        // g' = (0.6, 0.8) + 0.1 (3, 4) = (0.9, 1.2), |g'| = 1.5, |w| = 5
        // lr' = 2 * 0.001 * 5 / 1.5 = 1/150; v = lr' g' = (0.006, 0.008); w = w - v
        lars.update("w", w, manager.create(new float[] {0.6f, 0.8f}));
        assertArrayEquals(new float[] {2.994f, 3.992f}, w.toFloatArray(), TOLERANCE);
        // update 2: g' = (0.6, 0.8) + 0.1 (2.994, 3.992) = (0.8994, 1.1992), |g'| = 1.49900, |w| = 4.99
        float wNorm = (float) Math.hypot(2.994, 3.992);
        float gNorm = (float) Math.hypot(0.8994, 1.1992);
        float lr = 2f * 0.001f * wNorm / gNorm;
        float v0 = 0.9f * 0.006f + lr * 0.8994f;
        float v1 = 0.9f * 0.008f + lr * 1.1992f;
        lars.update("w", w, manager.create(new float[] {0.6f, 0.8f}));
        assertArrayEquals(new float[] {2.994f - v0, 3.992f - v1}, w.toFloatArray(), TOLERANCE);
    }

    @Test
    void larsLeavesBiasAndBatchNormParametersWithoutDecayOrAdaptation() {
        Lars lars = Lars.builder().setLearningRateTracker(constant(0.5)).optMomentum(0.9f).optWeightDecays(0.1f)
                .optExcludedIds(Set.of("bias")).build();
        NDArray b = manager.create(new float[] {3f, 4f});
        // plain momentum SGD: v = 0.5 g; b = b - v
        lars.update("bias", b, manager.create(new float[] {0.6f, 0.8f}));
        assertArrayEquals(new float[] {2.7f, 3.6f}, b.toFloatArray(), TOLERANCE);
        lars.update("bias", b, manager.create(new float[] {0.6f, 0.8f}));
        assertArrayEquals(new float[] {2.7f - 0.57f, 3.6f - 0.76f}, b.toFloatArray(), TOLERANCE);
    }

    @Test
    void larsUsesTheLearningRateAloneWhenTheWeightIsZero() {
        Lars lars = Lars.builder().setLearningRateTracker(constant(0.5)).optExcludedIds(Set.of()).build();
        NDArray w = manager.create(new float[] {0f, 0f});
        lars.update("w", w, manager.create(new float[] {1f, 2f}));
        assertArrayEquals(new float[] {-0.5f, -1f}, w.toFloatArray(), TOLERANCE);
    }

    @Test
    void updateCountsAndLearningRatesFollowTheSchedulePerParameter() {
        // a 4-step linear warm-up from 0 to 1, as the loop's warmup-cosine schedule: update k (1-based) gets (k - 1) / 4
        ParameterTracker warmup = (parameterId, k) -> (k - 1) / 4f;
        Sgd sgd = Sgd.builder().setLearningRateTracker(warmup).build();
        NDArray w = manager.create(new float[] {0f});
        for (int i = 0; i < 3; i++) {
            sgd.update("w", w, manager.create(new float[] {1f}));
        }
        // steps 0, 1, 2 of a 4-step warm-up: lr 0, 0.25, 0.5
        assertArrayEquals(new float[] {-0.75f}, w.toFloatArray(), TOLERANCE);
        assertEquals(3, sgd.state().get("w").updates());
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
