package dev.simclr.train.sweep;

import dev.simclr.train.io.Json;
import dev.simclr.train.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run in the comparison: its varied settings, the linear probe's and kNN's top-1 with their
 * 95 % intervals from its results.json (NaN and null where it has none), and how it ended.
 *
 * @param name the run's folder name in the sweep folder
 * @param settings the varied settings: key to value as given on the command line
 * @param probe linear-probe top-1 (fraction)
 * @param probeCi its interval, or null
 * @param knn kNN top-1 (fraction)
 * @param knnCi its interval, or null
 * @param seconds wall time the sweep spent on the run
 * @param status finished, stopped, failed, or not run
 * @param error a failed run's message, or null
 */
record SweepRow(String name, Map<String, String> settings, double probe, double[] probeCi, double knn, double[] knnCi,
        double seconds, String status, String error) {

    static final String PROBE = "linear-probe";
    static final String KNN = "knn";

    /** The row of one planned run, read from its folder and the sweep's state. */
    static SweepRow read(Sweep.Planned p, SweepState state, List<String> varied) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        varied.forEach(k -> settings.put(k, p.point().settings().get(k)));
        Map<String, Object> results = Map.of();
        Path file = p.dir().resolve(RunFolder.RESULTS);
        if (Files.isRegularFile(file)) {
            results = Json.mapper().readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        }
        SweepState.Entry e = state.entry(p.point().name());
        String status = e == null ? "not run" : e.status().name().toLowerCase(java.util.Locale.ROOT);
        return new SweepRow(p.point().name(), settings, top1(results, PROBE), ci(results, PROBE), top1(results, KNN), ci(results, KNN),
                e == null ? Double.NaN : e.seconds(), status, e == null ? null : e.error());
    }

    /** For comparison.json: numbers as fractions, absent ones left out. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", name);
        m.put("settings", settings);
        put(m, "linear_probe_top1", probe, probeCi);
        put(m, "knn_top1", knn, knnCi);
        if (Double.isFinite(seconds)) {
            m.put("wall_seconds", seconds);
        }
        m.put("status", status);
        if (error != null) {
            m.put("error", error);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, double v, double[] ci) {
        if (Double.isFinite(v)) {
            m.put(key, v);
            if (ci != null) {
                m.put(key + "_ci", List.of(ci[0], ci[1]));
            }
        }
    }

    private static double top1(Map<String, Object> results, String row) {
        return results.get(row) instanceof Map<?, ?> m && m.get("top1") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double[] ci(Map<String, Object> results, String row) {
        return results.get(row) instanceof Map<?, ?> m && m.get("top1_ci") instanceof List<?> l && l.size() == 2
                && l.get(0) instanceof Number lo && l.get(1) instanceof Number hi ? new double[] {lo.doubleValue(), hi.doubleValue()} : null;
    }
}
