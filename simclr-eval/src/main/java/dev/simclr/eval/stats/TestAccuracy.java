package dev.simclr.eval.stats;

import java.util.List;
import java.util.Map;

/** The top-1 accuracy of per-image hits on the test split, written with its 95 % interval. */
public final class TestAccuracy {

    private TestAccuracy() {}

    /** Puts {@code top1} and {@code top1_ci} (Wilson, 95 %) into a result row, as fractions. */
    public static void put(Map<String, Object> row, boolean[] top1Hits) {
        double[] ci = Wilson.interval95(count(top1Hits), top1Hits.length);
        row.put("top1", fraction(top1Hits));
        row.put("top1_ci", List.of(ci[0], ci[1]));
    }

    /** Share of true entries (0 for none). */
    public static double fraction(boolean[] hits) {
        return hits.length == 0 ? 0.0 : count(hits) / (double) hits.length;
    }

    private static int count(boolean[] hits) {
        int h = 0;
        for (boolean b : hits) {
            h += b ? 1 : 0;
        }
        return h;
    }
}
