package dev.simclr.eval.report;

import dev.simclr.charts.Html;
import java.util.Locale;
import java.util.Map;

/**
 * The report's list of trained-encoder-minus-baseline differences: every result row with a
 * {@code differences} entry (written by the linear probe and kNN), one line per baseline, e.g.
 * {@code linear-probe: SimCLR - raw pixels: +2.5 points [+0.9, +4.1]}.
 */
final class DifferencesList {

    static final String KEY = "differences";

    private DifferencesList() {}

    /** Appends the list (nothing when no row has differences). */
    static void render(StringBuilder h, Map<String, Map<String, Object>> results) {
        StringBuilder items = new StringBuilder();
        results.forEach((row, metrics) -> {
            if (metrics.get(KEY) instanceof Map<?, ?> d) {
                d.forEach((baseline, v) -> {
                    if (v instanceof Map<?, ?> diff) {
                        items.append("<li>").append(Html.escape(line(row, String.valueOf(baseline), diff))).append("</li>\n");
                    }
                });
            }
        });
        if (items.length() > 0) {
            h.append("<h3>SimCLR minus each baseline, top-1</h3>\n<ul id=\"differences\">\n").append(items).append("</ul>\n")
                    .append("<p class=\"note\">Percentage points on the same test images; the interval is the 95 % percentile"
                            + " interval of a paired bootstrap over those images.</p>\n");
        }
    }

    static String line(String row, String baseline, Map<?, ?> diff) {
        String text = row + ": SimCLR - " + baseline.replace('-', ' ') + ": ";
        if (!(diff.get("top1") instanceof Number d)) {
            return text + "-";
        }
        text += String.format(Locale.ROOT, "%+.1f points", 100 * d.doubleValue());
        if (diff.get("top1_ci") instanceof java.util.List<?> ci && ci.size() == 2
                && ci.get(0) instanceof Number lo && ci.get(1) instanceof Number hi) {
            text += String.format(Locale.ROOT, " [%+.1f, %+.1f]", 100 * lo.doubleValue(), 100 * hi.doubleValue());
        }
        return text;
    }
}
