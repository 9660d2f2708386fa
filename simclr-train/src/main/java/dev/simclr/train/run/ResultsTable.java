package dev.simclr.train.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The results table printed at the end of a run: one row per evaluation that reports top-1 or
 * top-5, with top-1's 95 % interval, then each evaluator's differences between the trained encoder
 * and its baselines. Fields are read generically, so any evaluator that writes them is shown.
 */
final class ResultsTable {

    private ResultsTable() {}

    static void print(PrintStream out, Map<String, Map<String, Object>> results) {
        out.println();
        out.printf("%-34s %8s %16s %8s%n", "evaluation", "top1", "95% interval", "top5");
        for (Map.Entry<String, Map<String, Object>> e : results.entrySet()) {
            Object t1 = e.getValue().get("top1");
            Object t5 = e.getValue().get("top5");
            if (t1 instanceof Number || t5 instanceof Number) {
                out.printf("%-34s %8s %16s %8s%n", e.getKey(), pct(t1), interval(e.getValue().get("top1_ci"), "%.2f"), pct(t5));
            }
        }
        // an evaluator's "differences": trained encoder minus each baseline, {top1, top1_ci} as fractions
        results.forEach((row, m) -> {
            if (m.get("differences") instanceof Map<?, ?> d) {
                d.forEach((baseline, v) -> {
                    if (v instanceof Map<?, ?> diff && diff.get("top1") instanceof Number n) {
                        out.printf("%s: SimCLR - %s: %+.1f points %s%n", row, String.valueOf(baseline).replace('-', ' '),
                                100 * n.doubleValue(), interval(diff.get("top1_ci"), "%+.1f"));
                    }
                });
            }
        });
    }

    private static String pct(Object v) {
        return v instanceof Number n ? String.format("%.2f%%", 100 * n.doubleValue()) : "-";
    }

    /** A [lo, hi] pair of fractions as percent, or "-". */
    private static String interval(Object v, String format) {
        return v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number lo && l.get(1) instanceof Number hi
                ? "[" + String.format(format, 100 * lo.doubleValue()) + ", " + String.format(format, 100 * hi.doubleValue()) + "]"
                : "-";
    }
}
