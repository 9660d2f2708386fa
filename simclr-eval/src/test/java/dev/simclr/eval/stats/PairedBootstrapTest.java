package dev.simclr.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.FeatureSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    /** Hits where the second classifier gets right what the first does, except on some images. */
    private static boolean[][] pair(int n, double pA, double flip, long seed) {
        Random r = new Random(seed);
        boolean[] a = new boolean[n];
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() < pA;
            b[i] = r.nextDouble() < flip ? !a[i] : a[i];
        }
        return new boolean[][] {a, b};
    }

    @Test
    void identicalClassifiersDifferByExactlyNothing() {
        boolean[] a = pair(500, 0.7, 0, 1)[0];
        assertArrayEquals(new double[] {0, 0}, PairedBootstrap.differenceInterval95(a, a.clone(), 3));
    }

    @Test
    void theIntervalMatchesTheNormalApproximationOfThePairedDifference() {
        boolean[][] p = pair(3000, 0.8, 0.1, 2);
        int n = p[0].length;
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            int d = (p[0][i] ? 1 : 0) - (p[1][i] ? 1 : 0);
            mean += d;
            sq += d * d;
        }
        mean /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        double[] ci = PairedBootstrap.differenceInterval95(p[0], p[1], 42);
        assertTrue(ci[0] < mean && mean < ci[1], "the observed difference lies inside: " + mean + " " + ci[0] + ".." + ci[1]);
        assertEquals(mean - 1.96 * se, ci[0], 0.15 * 1.96 * se);
        assertEquals(mean + 1.96 * se, ci[1], 0.15 * 1.96 * se);
    }

    @Test
    void theSeedFixesTheInterval() {
        boolean[][] p = pair(400, 0.6, 0.2, 5);
        assertArrayEquals(PairedBootstrap.differenceInterval95(p[0], p[1], 9), PairedBootstrap.differenceInterval95(p[0], p[1], 9));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        assertEquals(2.5, PairedBootstrap.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(1.0, PairedBootstrap.quantile(new double[] {1, 2, 3, 4}, 0.0), 1e-12);
    }

    @Test
    void baselineDifferencesNameEachBaselineWithPointAndInterval() {
        boolean[][] p = pair(1000, 0.9, 0.0, 7);
        boolean[] worse = p[0].clone();
        for (int i = 0; i < 200; i++) {
            worse[i * 5] = false;
        }
        Map<FeatureSource, boolean[]> hits = new EnumMap<>(FeatureSource.class);
        hits.put(FeatureSource.TRAINED, p[0]);
        hits.put(FeatureSource.RAW_PIXELS, worse);
        Map<String, Object> d = BaselineDifferences.of(hits, 42);
        assertEquals(List.of("raw-pixels"), List.copyOf(d.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) d.get("raw-pixels");
        double diff = (double) raw.get("top1");
        assertEquals(TestAccuracy.fraction(p[0]) - TestAccuracy.fraction(worse), diff, 1e-12);
        @SuppressWarnings("unchecked")
        List<Double> ci = (List<Double>) raw.get("top1_ci");
        assertTrue(ci.get(0) > 0 && ci.get(0) <= diff && diff <= ci.get(1), raw.toString());
    }
}
