package dev.simclr.train.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of a sweep: its settings and the name of its folder inside the sweep folder, made from
 * the varied settings so that the same command finds the same folders again.
 *
 * @param name folder name, e.g. {@code temperature-0.1_scale-0.08-1.0}
 * @param settings every grid key and this run's value, in grid order
 */
public record SweepPoint(String name, Map<String, String> settings) {

    /** The settings as {@code --set} overrides. */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        settings.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** The runs of a grid, named by the last segment of each varied key (the whole key where two share one). */
    public static List<SweepPoint> of(SweepGrid grid) {
        List<String> varied = grid.varied();
        List<String> shortNames = varied.stream().map(SweepPoint::lastSegment).toList();
        boolean unique = shortNames.stream().distinct().count() == shortNames.size();
        List<SweepPoint> points = new ArrayList<>();
        for (Map<String, String> settings : grid.combinations()) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < varied.size(); i++) {
                if (name.length() > 0) {
                    name.append('_');
                }
                name.append(safe(unique ? shortNames.get(i) : varied.get(i))).append('-').append(safe(settings.get(varied.get(i))));
            }
            SweepPoint p = new SweepPoint(name.length() == 0 ? "run" : name.toString(), Collections.unmodifiableMap(settings));
            for (SweepPoint other : points) {
                if (other.name().equals(p.name())) {
                    throw new IllegalArgumentException("--grid: the runs " + other.settings() + " and " + p.settings()
                            + " would share the folder " + p.name() + "; write their values so they differ in letters or digits");
                }
            }
            points.add(p);
        }
        return points;
    }

    static String lastSegment(String key) {
        String k = key.replaceAll("\\[\\d+]", "");
        return k.substring(k.lastIndexOf('.') + 1);
    }

    /** Letters, digits, dots and dashes; anything else becomes a dash, runs of dashes one. */
    private static String safe(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        return t.isEmpty() ? "x" : t;
    }
}
