package dev.simclr.eval.report;

import dev.simclr.charts.Html;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTML of the report, built from its parts. Pictures are inlined as {@code data:} URIs so the
 * one file can be mailed or archived on its own.
 */
final class ReportPage {

    /** A picture: its caption and PNG bytes. */
    record Picture(String caption, byte[] png) {}

    /** A section of pictures that belong together, with what to read in them. */
    private record Shown(ReportSections.Section section, List<Picture> pictures) {}

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
            h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
            table{border-collapse:collapse}th,td{padding:.3rem .7rem;border-bottom:1px solid #e4e4e4;text-align:right}
            td{white-space:nowrap}th:first-child,td:first-child,.details{text-align:left}td.details{white-space:normal;color:#555;font-size:.9rem}thead th{background:#f4f4f4}
            figure{margin:1rem 0}img{max-width:100%;border:1px solid #eee}figcaption{color:#666;font-size:.9rem}
            pre{background:#f7f7f7;padding:1rem;overflow:auto;font-size:.85rem}.note{color:#777}
            """;

    private final String title;
    private final String subtitle;
    private Map<String, Map<String, Object>> results = Map.of();
    private final List<Picture> curves = new ArrayList<>();
    private final List<Picture> pictures = new ArrayList<>();
    private final List<Shown> sections = new ArrayList<>();
    private String curvesNote = "";
    private Map<String, Object> config = Map.of();

    ReportPage(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    ReportPage results(Map<String, Map<String, Object>> rows) {
        this.results = rows;
        return this;
    }

    ReportPage curve(Picture p) {
        curves.add(p);
        return this;
    }

    ReportPage curvesNote(String note) {
        this.curvesNote = note;
        return this;
    }

    ReportPage picture(Picture p) {
        pictures.add(p);
        return this;
    }

    /** A section of its own for these pictures (nothing when there are none). */
    ReportPage section(ReportSections.Section section, List<Picture> shown) {
        if (!shown.isEmpty()) {
            sections.add(new Shown(section, List.copyOf(shown)));
        }
        return this;
    }

    ReportPage config(Map<String, Object> tree) {
        this.config = tree == null ? Map.of() : tree;
        return this;
    }

    String render() throws JsonProcessingException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"note\">").append(Html.escape(subtitle)).append("</p>\n");
        h.append("<h2>Results</h2>\n");
        resultsTable(h);
        h.append("<h2>Training</h2>\n");
        if (curves.isEmpty()) {
            h.append("<p class=\"note\">No training curves: the run folder has no readable metrics.jsonl.</p>\n");
        }
        for (Picture p : curves) {
            figure(h, p);
        }
        if (!curvesNote.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.escape(curvesNote)).append("</p>\n");
        }
        for (Shown s : sections) {
            h.append("<section id=\"").append(Html.escape(s.section().id())).append("\">\n<h2>")
                    .append(Html.escape(s.section().heading())).append("</h2>\n");
            for (Picture p : s.pictures()) {
                figure(h, p);
            }
            h.append("<p class=\"note\">").append(Html.escape(s.section().note())).append("</p>\n</section>\n");
        }
        if (!pictures.isEmpty()) {
            h.append("<h2>Pictures</h2>\n");
            for (Picture p : pictures) {
                figure(h, p);
            }
        }
        h.append("<h2>Configuration</h2>\n<pre id=\"config\">");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        h.append(Html.escape(json.writeValueAsString(config))).append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Accuracies get their own columns; every other metric is listed in the last one. */
    private void resultsTable(StringBuilder h) {
        if (results.isEmpty()) {
            h.append("<p class=\"note\">No evaluator reported results before the report (list report last under evaluate).</p>\n");
        }
        List<String> columns = new ArrayList<>();
        for (String key : List.of("top1", "top5")) {
            if (results.values().stream().anyMatch(m -> m.containsKey(key))) {
                columns.add(key);
            }
        }
        h.append("<table id=\"results\">\n<thead><tr><th>evaluation</th>");
        for (String c : columns) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("<th class=\"details\">other metrics</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, Object>> row : results.entrySet()) {
            h.append("<tr><td>").append(Html.escape(row.getKey())).append("</td>");
            for (String c : columns) {
                Object v = row.getValue().get(c);
                Object ci = row.getValue().get(c + "_ci");
                String cell = v == null ? "" : format(c, v) + (ci == null ? "" : " " + format(c + "_ci", ci));
                h.append("<td>").append(Html.escape(cell)).append("</td>");
            }
            StringJoiner details = new StringJoiner(", ");
            row.getValue().forEach((k, v) -> {
                if (!columns.contains(k) && !columns.contains(k.replaceFirst("_ci$", "")) && !k.equals(DifferencesList.KEY)) {
                    details.add(k + " " + format(k, v));
                }
            });
            h.append("<td class=\"details\">").append(Html.escape(details.toString())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        h.append("<p class=\"note\">Accuracies (top1, top5, ...) in percent here, with their 95 % (Wilson) interval where"
                + " given; results.json keeps them as fractions.</p>\n");
        DifferencesList.render(h, results);
    }

    private static void figure(StringBuilder h, Picture p) {
        h.append("<figure><img alt=\"").append(Html.escape(p.caption())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>")
                .append(Html.escape(p.caption())).append("</figcaption></figure>\n");
    }

    /**
     * Accuracies as percent, an accuracy's interval ({@code top1_ci}) as {@code [lo, hi]} in
     * percent, other reals to four significant digits, the rest as given.
     */
    static String format(String column, Object v) {
        if (v instanceof List<?> list && column.endsWith("_ci") && list.size() == 2
                && list.get(0) instanceof Number lo && list.get(1) instanceof Number hi) {
            return String.format(Locale.ROOT, "[%.2f, %.2f]", 100 * lo.doubleValue(), 100 * hi.doubleValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (column.matches("(.*_)?top\\d+")) {
                return String.format(Locale.ROOT, "%.2f %%", 100 * d);
            }
            double a = Math.abs(d);
            if (d == 0 || (a >= 1e-4 && a < 1e9)) {
                return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            }
            return String.format(Locale.ROOT, "%.3e", d);
        }
        return String.valueOf(v);
    }
}
