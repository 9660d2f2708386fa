package dev.simclr.train.sweep;

import dev.simclr.charts.CurveCharts;
import dev.simclr.charts.Html;
import dev.simclr.charts.TrainingLog;
import dev.simclr.train.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * {@value #FILE}: the comparison as one self-contained page, best run first, each row with the
 * settings that differ, probe and kNN top-1 with intervals, wall time, a thumbnail of its loss
 * curve (inlined) and a link to its own report when it has one.
 */
final class SweepPage {

    static final String FILE = "comparison.html";
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
            h1{font-size:1.6rem}table{border-collapse:collapse}th,td{padding:.3rem .7rem;border-bottom:1px solid #e4e4e4;text-align:right}
            th.setting,td.setting,td.run{text-align:left}thead th{background:#f4f4f4}td{white-space:nowrap}td.run{white-space:normal;word-break:break-all;min-width:8rem;font-size:.85rem}
            img{width:180px;border:1px solid #eee}.note{color:#777}.failed{color:#b00}
            """;

    private SweepPage() {}

    static String render(Path sweepDir, List<SweepRow> rows, List<String> varied) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep comparison</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>Sweep comparison</h1>\n<p class=\"note\">")
                .append(Html.escape(rows.size() + " runs in " + sweepDir.toAbsolutePath().getFileName()
                        + ", best first by linear-probe top-1, then kNN top-1"))
                .append("</p>\n<table id=\"comparison\">\n<thead><tr><th>rank</th>");
        for (String k : varied) {
            h.append("<th class=\"setting\">").append(Html.escape(k)).append("</th>");
        }
        h.append("<th>linear probe top-1</th><th>kNN top-1</th><th>wall time</th><th>loss</th><th class=\"setting\">run</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (SweepRow r : rows) {
            h.append("<tr><td>").append(++rank).append("</td>");
            for (String k : varied) {
                h.append("<td class=\"setting\">").append(Html.escape(r.settings().get(k))).append("</td>");
            }
            h.append("<td>").append(Html.escape(withInterval(r.probe(), r.probeCi()))).append("</td><td>")
                    .append(Html.escape(withInterval(r.knn(), r.knnCi()))).append("</td><td>")
                    .append(Html.escape(SweepComparison.duration(r.seconds()))).append("</td><td>");
            thumbnail(h, sweepDir.resolve(r.name()));
            h.append("</td><td class=\"run\">");
            runCell(h, sweepDir, r);
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Top-1 in percent with its 95 % (Wilson) interval, as each run's results.json"
                + " holds it; wall time is what the sweep spent on the run, over every invocation that finished or stopped it.</p>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    private static String withInterval(double v, double[] ci) {
        return SweepComparison.percent(v) + (ci == null ? "" : " " + SweepComparison.interval(ci));
    }

    private static void thumbnail(StringBuilder h, Path runDir) throws IOException {
        byte[] png = CurveCharts.loss(TrainingLog.read(runDir.resolve(RunFolder.METRICS)));
        if (png == null) {
            h.append("-");
            return;
        }
        h.append("<img alt=\"loss curve of ").append(Html.escape(runDir.getFileName().toString()))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">");
    }

    /** The run's folder, a link to its report when it has one, and how it ended. */
    private static void runCell(StringBuilder h, Path sweepDir, SweepRow r) {
        String link = r.name() + "/report.html";
        h.append("<span class=\"note\">").append(Html.escape(r.name())).append("</span><br>");
        if (Files.isRegularFile(sweepDir.resolve(link))) {
            h.append("<a href=\"").append(Html.escape(link)).append("\">report</a> ");
        }
        h.append("<span class=\"").append("failed".equals(r.status()) ? "failed" : "note").append("\">")
                .append(Html.escape(r.status() + (r.error() == null ? "" : ": " + r.error()))).append("</span>");
    }
}
