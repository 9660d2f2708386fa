package dev.simclr.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.Synthetic;
import dev.simclr.eval.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearProbeTest {

    @TempDir
    Path dir;

    private static final Features TRAIN = Synthetic.clusters(6, 40, 12, 1.5, 7, 1);
    private static final Features TEST = Synthetic.clusters(6, 20, 12, 1.5, 7, 2);
    /** Features that carry no class information at all. */
    private static final Features NOISE_TRAIN = Synthetic.clusters(6, 40, 12, 0.0, 7, 3);
    private static final Features NOISE_TEST = Synthetic.clusters(6, 20, 12, 0.0, 7, 4);

    private Map<String, Map<String, Object>> run(FakeContext ctx, Map<String, Object> params) throws Exception {
        LinearProbeProvider p = new LinearProbeProvider();
        return p.create(TestParams.of(p, params)).evaluate(ctx);
    }

    private FakeContext context() {
        return new FakeContext(dir)
                .features(FeatureSource.TRAINED, TRAIN, TEST)
                .features(FeatureSource.RANDOM_INIT, NOISE_TRAIN, NOISE_TEST)
                .features(FeatureSource.RAW_PIXELS, NOISE_TRAIN, NOISE_TEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "lbfgs"})
    void separatesGaussianClustersWithEachOptimizer(String optimizer) throws Exception {
        Map<String, Object> row = run(context(), Map.of("optimizer", optimizer, "epochs", 30, "batch-size", 64, "baselines", false))
                .get("linear-probe");
        assertTrue((double) row.get("top1") > 0.95, optimizer + " top1 " + row.get("top1"));
        assertTrue((double) row.get("train_top1") > 0.95, optimizer + " train_top1 " + row.get("train_top1"));
    }

    @Test
    void reportsTheTrainedEncoderAndBothBaselinesWithTheirMetrics() throws Exception {
        Map<String, Map<String, Object>> rows = run(context(), Map.of("epochs", 10));
        assertEquals(List.of("linear-probe", "linear-probe@random-init", "linear-probe@raw-pixels"), List.copyOf(rows.keySet()));
        for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
            Map<String, Object> m = e.getValue();
            List<String> keys = new java.util.ArrayList<>(
                    List.of("top1", "top1_ci", "top5", "train_top1", "epochs", "seconds", "selected", "validation_top1"));
            if (e.getKey().equals("linear-probe")) {
                keys.add("differences");
            }
            assertEquals(keys, List.copyOf(m.keySet()));
            assertEquals(10, m.get("epochs"));
            double top1 = (double) m.get("top1");
            double top5 = (double) m.get("top5");
            assertTrue(top1 >= 0 && top1 <= top5 && top5 <= 1, "fractions with top1 <= top5: " + m);
        }
        // class-free features must score near chance (1/6), far below the clustered ones
        assertTrue((double) rows.get("linear-probe@random-init").get("top1") < 0.5);
        assertTrue((double) rows.get("linear-probe").get("top1") > 0.9);
    }

    @Test
    void withoutBaselinesReportsOnlyTheTrainedEncoder() throws Exception {
        assertEquals(List.of("linear-probe"), List.copyOf(run(context(), Map.of("epochs", 2, "baselines", false)).keySet()));
    }

    @Test
    void sameSeedGivesTheSameResults() throws Exception {
        Map<String, Object> params = Map.of("epochs", 5, "batch-size", 32, "baselines", false, "lr", 0.5);
        Map<String, Object> a = run(context().seed(11), params).get("linear-probe");
        Map<String, Object> b = run(context().seed(11), params).get("linear-probe");
        for (String key : List.of("top1", "top5", "train_top1")) {
            assertEquals(a.get(key), b.get(key), key);
        }
    }

    @Test
    void fullBatchAndLbfgsStopWithinTheEpochBudget() throws Exception {
        Map<String, Object> lbfgs = run(context(), Map.of("optimizer", "lbfgs", "epochs", 7, "baselines", false)).get("linear-probe");
        assertTrue((int) lbfgs.get("epochs") <= 7);
        Map<String, Object> full = run(context(), Map.of("batch-size", 0, "epochs", 3, "baselines", false)).get("linear-probe");
        assertEquals(3, full.get("epochs"));
    }

    @Test
    void unlabelledFeaturesAreRefusedWithAClearMessage() {
        Features unlabelled = new Features(new float[8], 4, 2, new int[] {-1, -1, -1, -1}, 0);
        FakeContext ctx = new FakeContext(dir).features(unlabelled, unlabelled);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(ctx, Map.of("baselines", false)));
        assertTrue(e.getMessage().contains("needs labelled data"), e.getMessage());
    }

    @Test
    void aDivergedProbeIsAnErrorThatSaysWhatToChange() {
        float[] huge = TRAIN.data().clone();
        for (int i = 0; i < huge.length; i++) {
            huge[i] *= 1e30f;
        }
        Features big = new Features(huge, TRAIN.count(), TRAIN.dim(), TRAIN.labels(), TRAIN.numClasses());
        FakeContext ctx = new FakeContext(dir).features(big, big);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(ctx, Map.of("optimizer", "sgd", "standardize", false, "lr", 100.0, "epochs", 3, "baselines", false)));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("lbfgs"), e.getMessage());
    }

    @Test
    void everyFeatureSetGetsTheWeightDecayItsOwnValidationSplitChose() throws Exception {
        Map<String, Map<String, Object>> rows = run(context(), Map.of("weight-decay-grid", List.of(1e-4, 1e-2, 1.0), "epochs", 20));
        for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> selected = (Map<String, Object>) e.getValue().get("selected");
            assertEquals(List.of("weight-decay"), List.copyOf(selected.keySet()), e.getKey() + ": lbfgs has no lr to choose");
            assertTrue(List.of(1e-4, 1e-2, 1.0).contains(selected.get("weight-decay")), e.toString());
            double validation = (double) e.getValue().get("validation_top1");
            assertTrue(validation >= 0 && validation <= 1, e.toString());
        }
        assertTrue((double) rows.get("linear-probe").get("validation_top1") > 0.9, "clusters separate on validation too");
    }

    @Test
    void aChoiceAtTheEdgeOfTheGridIsWarnedInOneLine() throws Exception {
        FakeContext ctx = context();
        // every point separates the clusters perfectly, so the first visited (the largest) wins
        run(ctx, Map.of("weight-decay-grid", List.of(1e-5, 1e-4), "epochs", 20, "baselines", false));
        assertTrue(ctx.logLines.stream().anyMatch(l -> l.startsWith("warning: linear-probe: weight-decay 1.0E-4 is the largest of its grid")),
                ctx.logLines.toString());
    }

    @Test
    void aFixedWeightDecayIsUsedWithoutAValidationSplit() throws Exception {
        Map<String, Object> row = run(context(), Map.of("weight-decay", 0.01, "epochs", 10, "baselines", false)).get("linear-probe");
        assertEquals(Map.of("weight-decay", 0.01), row.get("selected"));
        assertTrue(!row.containsKey("validation_top1"), row.toString());
    }

    @Test
    void sgdChoosesItsLearningRateToo() throws Exception {
        Map<String, Object> row = run(context(), Map.of("optimizer", "sgd", "lr-grid", List.of(0.01, 0.1), "weight-decay-grid",
                List.of(1e-4, 1e-3), "epochs", 5, "baselines", false)).get("linear-probe");
        assertEquals(List.of("lr", "weight-decay"), List.copyOf(((Map<?, ?>) row.get("selected")).keySet()));
    }

    @Test
    void lbfgsRefusesALearningRateGrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(context(), Map.of("lr-grid", List.of(0.1, 1.0))));
        assertTrue(e.getMessage().contains("lr-grid") && e.getMessage().contains("lbfgs"), e.getMessage());
    }

    @Test
    void theTrainedRowCarriesItsDifferenceFromEachBaselineWithAnInterval() throws Exception {
        Map<String, Map<String, Object>> rows = run(context(), Map.of("weight-decay-grid", List.of(1e-3, 1e-1), "epochs", 20));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> d = (Map<String, Map<String, Object>>) rows.get("linear-probe").get("differences");
        assertEquals(List.of("random-init", "raw-pixels"), List.copyOf(d.keySet()));
        for (String baseline : d.keySet()) {
            double expected = (double) rows.get("linear-probe").get("top1") - (double) rows.get("linear-probe@" + baseline).get("top1");
            double diff = (double) d.get(baseline).get("top1");
            assertEquals(expected, diff, 1e-12);
            List<?> ci = (List<?>) d.get(baseline).get("top1_ci");
            assertTrue((double) ci.get(0) > 0 && (double) ci.get(0) <= diff && diff <= (double) ci.get(1), d.toString());
        }
        List<?> ci = (List<?>) rows.get("linear-probe").get("top1_ci");
        double top1 = (double) rows.get("linear-probe").get("top1");
        assertTrue((double) ci.get(0) <= top1 && top1 <= (double) ci.get(1), ci.toString());
    }
}
