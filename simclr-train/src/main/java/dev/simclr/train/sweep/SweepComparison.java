package dev.simclr.train.sweep;

import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's one comparison: a row per run with the settings that differ, linear-probe and kNN
 * top-1 with their 95 % intervals, wall time and status, best first (by linear-probe top-1, then
 * kNN top-1; runs without results last). Written as {@value #TEXT}, {@value #JSON} and
 * {@value SweepPage#FILE}, and printed.
 */
public final class SweepComparison {

    static final String TEXT = "comparison.txt";
    static final String JSON = "comparison.json";

    private SweepComparison() {}

    /** Reads every planned run and writes the comparison into the sweep folder. */
    public static void write(SweepGrid grid, Path sweepDir, List<Sweep.Planned> plan, PrintStream out) throws IOException {
        SweepState state = SweepState.open(sweepDir, grid);
        List<SweepRow> rows = new ArrayList<>();
        for (Sweep.Planned p : plan) {
            rows.add(SweepRow.read(p, state, grid.varied()));
        }
        rows.sort(BEST_FIRST);
        String text = text(rows, grid.varied());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sorted_by", List.of("linear_probe_top1", "knn_top1"));
        json.put("varied", grid.varied());
        json.put("runs", rows.stream().map(SweepRow::toJson).toList());
        AtomicFiles.writeString(sweepDir.resolve(TEXT), text);
        AtomicFiles.writeString(sweepDir.resolve(JSON), Json.pretty(json));
        AtomicFiles.writeString(sweepDir.resolve(SweepPage.FILE), SweepPage.render(sweepDir, rows, grid.varied()));
        out.println();
        out.print(text);
        out.println("comparison: " + sweepDir.resolve(SweepPage.FILE));
    }

    static final Comparator<SweepRow> BEST_FIRST = Comparator.comparingDouble((SweepRow r) -> key(r.probe()))
            .thenComparingDouble(r -> key(r.knn())).thenComparing(SweepRow::name);

    /** Descending, NaN last. */
    private static double key(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
    }

    static String text(List<SweepRow> rows, List<String> varied) {
        List<String> header = new ArrayList<>(List.of("rank"));
        varied.forEach(k -> header.add(SweepPoint.lastSegment(k)));
        header.addAll(List.of("probe top1", "95% interval", "kNN top1", "95% interval", "wall time", "status"));
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        int rank = 0;
        for (SweepRow r : rows) {
            List<String> line = new ArrayList<>(List.of(String.valueOf(++rank)));
            varied.forEach(k -> line.add(r.settings().get(k)));
            line.addAll(List.of(percent(r.probe()), interval(r.probeCi()), percent(r.knn()), interval(r.knnCi()), duration(r.seconds()),
                    r.status()));
            cells.add(line);
        }
        int[] width = new int[header.size()];
        cells.forEach(line -> {
            for (int c = 0; c < line.size(); c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        });
        StringBuilder b = new StringBuilder();
        for (List<String> line : cells) {
            for (int c = 0; c < line.size(); c++) {
                b.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", line.get(c)));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "-";
    }

    static String interval(double[] ci) {
        return ci == null ? "-" : String.format(Locale.ROOT, "[%.2f, %.2f]", 100 * ci[0], 100 * ci[1]);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
