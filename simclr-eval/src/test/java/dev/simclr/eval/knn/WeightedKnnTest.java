package dev.simclr.eval.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.Synthetic;
import dev.simclr.eval.TestBackend;
import dev.simclr.eval.TestParams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightedKnnTest {

    @TempDir
    Path dir;

    /** Unit vector at {@code degrees} in the plane. */
    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    /**
     * The query is at 0 degrees; class 0 has one neighbour at cosine 0.99, class 1 two at cosine
     * 0.80. Majority voting would pick class 1; weights exp(sim / 0.1) let the close one win.
     */
    private static final Features BANK;
    private static final Features QUERY = new Features(at(0), 1, 2, new int[] {0}, 2);

    static {
        float[] a = at(Math.toDegrees(Math.acos(0.99)));
        float[] b = at(Math.toDegrees(Math.acos(0.80)));
        float[] c = at(-Math.toDegrees(Math.acos(0.80)));
        BANK = new Features(new float[] {a[0], a[1], b[0], b[1], c[0], c[1]}, 3, 2, new int[] {0, 1, 1}, 2);
    }

    private static float[] scores(int k, double t) {
        try (NDManager m = new TestBackend().newManager()) {
            return new WeightedKnn(k, t).scores(m, BANK, QUERY, 2);
        }
    }

    @Test
    void votesAreSummedExpOfSimilarityOverTemperature() {
        float[] s = scores(3, 0.1);
        assertEquals(Math.exp(9.9), s[0], Math.exp(9.9) * 1e-4);
        assertEquals(2 * Math.exp(8.0), s[1], 2 * Math.exp(8.0) * 1e-4);
    }

    @Test
    void oneCloseNeighbourOutvotesTwoFarOnesAtLowTemperatureButNotAtHigh() {
        float[] sharp = scores(3, 0.1);
        assertTrue(sharp[0] > sharp[1], "T=0.1 favours the near neighbour");
        float[] flat = scores(3, 100);
        assertTrue(flat[1] > flat[0], "T=100 is nearly a majority vote");
    }

    @Test
    void onlyTheKMostSimilarVote() {
        float[] s = scores(1, 0.1);
        assertEquals(0f, s[1]);
        assertTrue(s[0] > 0);
    }

    @Test
    void similarityIsCosineSoScaleDoesNotMatter() {
        float[] scaled = QUERY.data().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 37f;
        }
        Features far = new Features(scaled, 1, 2, new int[] {0}, 2);
        try (NDManager m = new TestBackend().newManager()) {
            assertArrayEquals(scores(3, 0.1), new WeightedKnn(3, 0.1).scores(m, BANK, far, 2), 1e-2f);
        }
    }

    @Test
    void evaluatorReportsRowsPerSourceAndScoresClusters() throws Exception {
        Features train = Synthetic.clusters(5, 30, 8, 2.0, 9, 1);
        Features test = Synthetic.clusters(5, 10, 8, 2.0, 9, 2);
        Features noiseTrain = Synthetic.clusters(5, 30, 8, 0.0, 9, 3);
        Features noiseTest = Synthetic.clusters(5, 10, 8, 0.0, 9, 4);
        FakeContext ctx = new FakeContext(dir)
                .features(FeatureSource.TRAINED, train, test)
                .features(FeatureSource.RANDOM_INIT, noiseTrain, noiseTest)
                .features(FeatureSource.RAW_PIXELS, noiseTrain, noiseTest);
        KnnProvider p = new KnnProvider();
        Map<String, Map<String, Object>> rows = p.create(TestParams.of(p, Map.of("k", 20))).evaluate(ctx);
        assertEquals(List.of("knn", "knn@random-init", "knn@raw-pixels"), List.copyOf(rows.keySet()));
        assertTrue((double) rows.get("knn").get("top1") > 0.9, rows.toString());
        assertTrue((double) rows.get("knn@random-init").get("top1") < 0.6, rows.toString());
        assertEquals(1.0, rows.get("knn").get("top5"));
        assertEquals(20, rows.get("knn").get("k"));
    }

    @Test
    void kLargerThanTheBankUsesTheWholeBank() throws Exception {
        FakeContext ctx = new FakeContext(dir).features(BANK, QUERY);
        KnnProvider p = new KnnProvider();
        Map<String, Object> row = p.create(TestParams.of(p, Map.of("baselines", false))).evaluate(ctx).get("knn");
        assertEquals(3, row.get("k"));
        assertEquals(1.0, row.get("top1"));
    }

    @org.junit.jupiter.api.Test
    void hostTopKMatchesASortOfEachRow() {
        java.util.Random r = new java.util.Random(5);
        int rows = 7;
        int n = 50;
        int k = 9;
        float[] m = new float[rows * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextInt(20) / 4f; // many ties
        }
        float[] values = new float[rows * k];
        long[] idx = new long[rows * k];
        WeightedKnn.topKOnHost(m, rows, n, k, values, idx);
        for (int i = 0; i < rows; i++) {
            final int row = i;
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> m[row * n + a] != m[row * n + b] ? Float.compare(m[row * n + b], m[row * n + a]) : Integer.compare(a, b));
            for (int j = 0; j < k; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(order[j].longValue(), idx[row * k + j], "row " + row + " rank " + j);
                org.junit.jupiter.api.Assertions.assertEquals(m[row * n + order[j]], values[row * k + j]);
            }
        }
    }

    @Test
    void unitRowsOfARangeEqualThoseOfTheCopiedRange() {
        float[] x = {3, 4, 0, 0, 1, 1, 6, 8};
        float[] all = WeightedKnn.unitRows(x, 4, 2);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, WeightedKnn.unitRows(x, 0, 2, 2), 1e-6f);
        assertArrayEquals(Arrays.copyOfRange(all, 2, 8), WeightedKnn.unitRows(x, 1, 3, 2), 0f);
    }
}
