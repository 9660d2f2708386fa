package dev.simclr.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.simclr.api.LossResult;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NtXentLossTest {

    /**
     * Absolute, for the loss and each gradient entry. Not derived: the a-priori float32 bound (a
     * cosine of D-entry unit vectors within about 3D roundings, divided by T) is near 1e-3 for
     * D = 128 and T = 0.07, far above what either implementation shows; 1e-5 is a few float32 ulps
     * (1.9e-6) of a loss near 20, which low temperatures give, where torch's own float32 value already
     * lies micro-units from its float64 one.
     */
    private static final double TOLERANCE = 1e-5;
    private static double maxLossError;
    private static double maxGradError;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @AfterAll
    static void report() {
        System.out.printf("NT-Xent vs reference: max |loss error| = %.3g, max |gradient error| = %.3g%n",
                maxLossError, maxGradError);
    }

    static List<GoldenNtXent> referenceCases() {
        return GoldenNtXent.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void lossAndGradientWithRespectToRawProjectionsMatchPyTorch(GoldenNtXent ref) {
        try (NtXentLoss loss = new NtXentLoss(ref.temperature())) {
            NDArray z = manager.create(ref.projections(), new Shape(2L * ref.batch(), ref.dim()));
            Outcome out = lossAndGradient(loss, z);

            double lossError = Math.abs(out.loss - ref.loss());
            double gradError = maxAbsDifference(out.gradient, ref.gradient());
            maxLossError = Math.max(maxLossError, lossError);
            maxGradError = Math.max(maxGradError, gradError);
            assertTrue(lossError <= TOLERANCE, "loss " + out.loss + " vs reference " + ref.loss());
            assertTrue(gradError <= TOLERANCE, "max gradient error " + gradError);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void doublePrecisionInputsMatchTheFloat64Reference(GoldenNtXent ref) {
        try (NtXentLoss loss = new NtXentLoss(ref.temperature())) {
            NDArray z = manager.create(ref.projections(), new Shape(2L * ref.batch(), ref.dim()))
                    .toType(DataType.FLOAT64, false);
            double value = loss.compute(z).loss().getDouble();
            assertEquals(ref.lossF64(), value, 1e-9);
        }
    }

    @Test
    void onePairHasZeroLossAndZeroGradientLikeTorch() {
        try (NtXentLoss loss = new NtXentLoss(0.1)) {
            Outcome out = lossAndGradient(loss, manager.create(new float[] {1, 2, 3, -1, 0.5f, 2}, new Shape(2, 3)));
            assertEquals(0f, out.loss, 0f);
            for (float g : out.gradient) {
                assertEquals(0f, g, 0f);
            }
            assertEquals(1.0, out.metrics.get(NtXentLoss.TOP1));
            assertEquals(0.0, out.metrics.get(NtXentLoss.NEG_SIM));
        }
    }

    @Test
    void identicalVectorsAtLowTemperatureGiveFiniteLossAndGradients() {
        int rows = 16;
        NDArray z = manager.ones(new Shape(rows, 8)).mul(3);
        try (NtXentLoss loss = new NtXentLoss(0.05)) {
            Outcome out = lossAndGradient(loss, z);
            // all candidates tie, so each row's positive has probability 1 / (2B - 1)
            assertEquals(Math.log(rows - 1), out.loss, 1e-5);
            for (float g : out.gradient) {
                assertTrue(Float.isFinite(g), "gradient must be finite");
            }
            assertEquals(1.0, out.metrics.get(NtXentLoss.POS_SIM), 1e-6);
            assertEquals(1.0, out.metrics.get(NtXentLoss.NEG_SIM), 1e-6);
        }
    }

    /**
     * The graph must not keep anything that a garbage collection can free: with DJL's
     * {@code div(Number)} for the temperature the gradient here was infinite (EngineArrays.scalar).
     */
    @Test
    void gradientIsTheSameWhenACollectionRunsBetweenForwardAndBackward() {
        float[] values = new float[8 * 4];
        Random random = new Random(11);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        try (NtXentLoss loss = new NtXentLoss(0.2)) {
            Outcome plain = lossAndGradient(loss, manager.create(values, new Shape(8, 4)));
            Outcome collected = lossAndGradient(loss, manager.create(values, new Shape(8, 4)), NtXentLossTest::collect);
            assertEquals(0.0, maxAbsDifference(collected.gradient, plain.gradient));
        }
    }

    /** Collections, time for the cleaner to free what they found, and new direct buffers to reuse it. */
    private static void collect() {
        java.nio.ByteBuffer[] reuse = new java.nio.ByteBuffer[256];
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < reuse.length; i++) {
            reuse[i] = java.nio.ByteBuffer.allocateDirect(8).putDouble(0, Double.NaN);
        }
    }

    @Test
    void metricsMatchAPlainComputationOfRanksAndCosines() {
        Random random = new Random(7);
        int pairs = 6;
        int dim = 5;
        float[] values = new float[2 * pairs * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < pairs * dim; i++) { // make second views resemble first views for some rows
            values[pairs * dim + i] = i < 3 * dim ? values[i] + 0.1f * values[pairs * dim + i] : values[pairs * dim + i];
        }
        Map<String, Double> expected = plainMetrics(values, pairs, dim);
        try (NtXentLoss loss = new NtXentLoss(0.5)) {
            LossResult r = loss.compute(manager.create(values, new Shape(2L * pairs, dim)));
            assertEquals(expected.get(NtXentLoss.TOP1), r.metrics().get(NtXentLoss.TOP1), 1e-9);
            assertEquals(expected.get(NtXentLoss.POS_SIM), r.metrics().get(NtXentLoss.POS_SIM), 1e-5);
            assertEquals(expected.get(NtXentLoss.NEG_SIM), r.metrics().get(NtXentLoss.NEG_SIM), 1e-5);
            assertTrue(expected.get(NtXentLoss.TOP1) > 0 && expected.get(NtXentLoss.TOP1) < 1, "case mixes hits and misses");
        }
    }

    static List<Double> referenceTemperatures() {
        return GoldenNtXent.all().stream().map(GoldenNtXent::temperature).distinct().sorted().toList();
    }

    /** One loss per temperature, reused over every reference batch of that temperature, twice round. */
    @ParameterizedTest(name = "T={0}")
    @MethodSource("referenceTemperatures")
    void alternatingBatchSizesReuseTheRightMasks(double temperature) {
        List<GoldenNtXent> cases = GoldenNtXent.all().stream().filter(c -> c.temperature() == temperature).toList();
        assertTrue(cases.stream().map(GoldenNtXent::batch).distinct().count() > 1,
                "the reference cases at T=" + temperature + " have one batch size only, so nothing alternates: " + cases);
        try (NtXentLoss loss = new NtXentLoss(temperature)) {
            for (int round = 0; round < 2; round++) {
                for (GoldenNtXent ref : cases) {
                    NDArray z = manager.create(ref.projections(), new Shape(2L * ref.batch(), ref.dim()));
                    assertEquals(ref.loss(), loss.compute(z).loss().getFloat(), TOLERANCE, ref.name());
                }
            }
        }
    }

    @Test
    void malformedInputsAreRejectedWithTheExpectedLayout() {
        try (NtXentLoss loss = new NtXentLoss(0.5)) {
            IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                    () -> loss.compute(manager.ones(new Shape(3, 4))));
            assertTrue(odd.getMessage().contains("[2B, D]") && odd.getMessage().contains("(3, 4)"), odd.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loss.compute(manager.ones(new Shape(4))));
        }
        assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(0));
    }

    record Outcome(float loss, float[] gradient, Map<String, Double> metrics) {}

    static Outcome lossAndGradient(NtXentLoss loss, NDArray z) {
        return lossAndGradient(loss, z, () -> {});
    }

    /** As above, with {@code between} run after the forward pass and before the backward pass. */
    static Outcome lossAndGradient(NtXentLoss loss, NDArray z, Runnable between) {
        z.setRequiresGradient(true);
        LossResult r;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            r = loss.compute(z);
            between.run();
            gc.backward(r.loss());
        }
        return new Outcome(r.loss().getFloat(), z.getGradient().toFloatArray(), r.metrics());
    }

    static double maxAbsDifference(float[] a, float[] b) {
        assertEquals(b.length, a.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The metrics' definitions written out with loops, in double precision. */
    private static Map<String, Double> plainMetrics(float[] v, int pairs, int dim) {
        int rows = 2 * pairs;
        double[][] unit = new double[rows][dim];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) v[r * dim + d] * v[r * dim + d];
            }
            for (int d = 0; d < dim; d++) {
                unit[r][d] = v[r * dim + d] / Math.sqrt(norm);
            }
        }
        double hits = 0;
        double pos = 0;
        double neg = 0;
        for (int r = 0; r < rows; r++) {
            int partner = (r + pairs) % rows;
            double positive = dot(unit[r], unit[partner]);
            pos += positive;
            boolean first = true;
            for (int c = 0; c < rows; c++) {
                if (c != r && c != partner) {
                    double s = dot(unit[r], unit[c]);
                    neg += s;
                    first &= positive > s;
                }
            }
            hits += first ? 1 : 0;
        }
        return Map.of(NtXentLoss.TOP1, hits / rows, NtXentLoss.POS_SIM, pos / rows,
                NtXentLoss.NEG_SIM, neg / ((double) rows * (rows - 2)));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
