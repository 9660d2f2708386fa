package dev.simclr.eval.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class KnnSelectionTest {

    @TempDir
    Path dir;

    private Map<String, Map<String, Object>> run(FakeContext ctx, Map<String, Object> params) throws Exception {
        KnnProvider p = new KnnProvider();
        return p.create(TestParams.of(p, params)).evaluate(ctx);
    }

    /**
     * Class 0: a few points in a tight blob; class 1: many points on a ring around it, never as
     * close to a blob point as the blob's own. The nearest few neighbours of a blob point are the
     * blob, but sixty neighbours at a flat temperature are mostly ring, so a small k wins.
     */
    private static Features blobAndRing(int blob, int ring, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int n = blob + ring;
        float[] data = new float[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean onRing = i >= blob;
            double angle = onRing ? r.nextDouble() * 2 * Math.PI : r.nextDouble() * 0.3;
            // cosine similarity sees directions: the blob leans on the third axis, the ring lies flat
            data[i * 3] = (float) Math.cos(angle);
            data[i * 3 + 1] = (float) Math.sin(angle);
            data[i * 3 + 2] = onRing ? 0.2f : 1.0f;
            labels[i] = onRing ? 1 : 0;
        }
        return new Features(data, n, 3, labels, 2);
    }

    @Test
    void eachFeatureSetGetsTheKAndTemperatureItsValidationSplitChose() throws Exception {
        Features train = Synthetic.clusters(5, 30, 8, 2.0, 9, 1);
        Features test = Synthetic.clusters(5, 10, 8, 2.0, 9, 2);
        FakeContext ctx = new FakeContext(dir).features(train, test);
        Map<String, Map<String, Object>> rows = run(ctx, Map.of("k-grid", List.of(5.0, 20.0), "temperature-grid", List.of(0.05, 0.5)));
        for (Map<String, Object> row : rows.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> selected = (Map<String, Object>) row.get("selected");
            assertEquals(List.of("k", "temperature"), List.copyOf(selected.keySet()));
            assertEquals(selected.get("k"), row.get("k"));
            assertEquals(selected.get("temperature"), row.get("temperature"));
            assertTrue((double) row.get("validation_top1") > 0.9, row.toString());
        }
    }

    @Test
    void aSmallKWinsWhereManyNeighboursWouldOutvoteTheRightClass() throws Exception {
        FakeContext ctx = new FakeContext(dir).features(blobAndRing(5, 60, 1), blobAndRing(5, 20, 2));
        Map<String, Object> row = run(ctx, Map.of("k-grid", List.of(3.0, 60.0), "temperature", 1.0, "baselines", false)).get("knn");
        assertEquals(3, row.get("k"), row.toString());
        assertTrue(ctx.logLines.stream().anyMatch(l -> l.startsWith("warning: knn: k 3 is the smallest of its grid")), ctx.logLines.toString());
    }

    @Test
    void aFixedKAndTemperatureAreUsedWithoutAValidationSplit() throws Exception {
        FakeContext ctx = new FakeContext(dir).features(blobAndRing(5, 10, 1), blobAndRing(5, 5, 2));
        Map<String, Object> row = run(ctx, Map.of("k", 7, "temperature", 0.3, "baselines", false)).get("knn");
        assertEquals(Map.of("k", 7, "temperature", 0.3), row.get("selected"));
        assertTrue(!row.containsKey("validation_top1"), row.toString());
    }

    @Test
    void theTrainedRowCarriesItsDifferenceFromEachBaseline() throws Exception {
        Features train = Synthetic.clusters(5, 30, 8, 2.0, 9, 1);
        Features test = Synthetic.clusters(5, 40, 8, 2.0, 9, 2);
        Features noise = Synthetic.clusters(5, 30, 8, 0.0, 9, 3);
        Features noiseTest = Synthetic.clusters(5, 40, 8, 0.0, 9, 4);
        FakeContext ctx = new FakeContext(dir).features(FeatureSource.TRAINED, train, test)
                .features(FeatureSource.RANDOM_INIT, noise, noiseTest).features(FeatureSource.RAW_PIXELS, noise, noiseTest);
        Map<String, Map<String, Object>> rows = run(ctx, Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> d = (Map<String, Map<String, Object>>) rows.get("knn").get("differences");
        assertEquals(List.of("random-init", "raw-pixels"), List.copyOf(d.keySet()));
        List<?> ci = (List<?>) d.get("raw-pixels").get("top1_ci");
        assertTrue((double) ci.get(0) > 0.3, "clusters beat noise by far: " + d);
    }

    @Test
    void aFractionalKIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run(new FakeContext(dir), Map.of("k-grid", List.of(2.5))));
        assertTrue(e.getMessage().contains("k-grid[0]"), e.getMessage());
    }
}
