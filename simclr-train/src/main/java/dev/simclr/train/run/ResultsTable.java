package dev.simclr.train.run;

import java.io.PrintStream;
import java.util.Map;

/** The results table printed at the end of a run: one row per evaluation that reports top-1 or top-5. */
final class ResultsTable {

    private ResultsTable() {}

    static void print(PrintStream out, Map<String, Map<String, Object>> results) {
        out.println();
        out.printf("%-34s %8s %8s%n", "evaluation", "top1", "top5");
        for (Map.Entry<String, Map<String, Object>> e : results.entrySet()) {
            Object t1 = e.getValue().get("top1");
            Object t5 = e.getValue().get("top5");
            if (t1 instanceof Number || t5 instanceof Number) {
                out.printf("%-34s %8s %8s%n", e.getKey(), pct(t1), pct(t5));
            }
        }
    }

    private static String pct(Object v) {
        return v instanceof Number n ? String.format("%.2f%%", 100 * n.doubleValue()) : "-";
    }
}
