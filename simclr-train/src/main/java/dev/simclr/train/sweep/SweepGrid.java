package dev.simclr.train.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a sweep varies: one axis per {@code --grid KEY=V1,V2,...}, every combination a
 * run. Values are split on commas outside brackets, so a list value stays whole
 * ({@code augment[0].random-resized-crop.scale=[0.08,1.0],[0.5,1.0]} is two values); each is
 * applied to the run file as {@code --set KEY=VALUE} would be.
 *
 * @param axes the axes in the order given; the last varies fastest
 */
public record SweepGrid(List<Axis> axes) {

    /** One varied key and its values, as written. */
    public record Axis(String key, List<String> values) {}

    public SweepGrid {
        axes = List.copyOf(axes);
    }

    /** Parses {@code --grid} arguments; an error names the argument and what is expected. */
    public static SweepGrid parse(List<String> specs) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one --grid KEY=V1,V2 (e.g. --grid loss.temperature=0.1,0.5)");
        }
        List<Axis> axes = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--grid " + spec + ": expected KEY=V1,V2,... e.g. --grid loss.temperature=0.1,0.5");
            }
            String key = spec.substring(0, eq).trim();
            if (axes.stream().anyMatch(a -> a.key().equals(key))) {
                throw new IllegalArgumentException("--grid " + key + " is given twice; list all its values in one --grid");
            }
            List<String> values = split(spec.substring(eq + 1), spec);
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("--grid " + spec + ": a value is listed twice");
            }
            axes.add(new Axis(key, values));
        }
        return new SweepGrid(axes);
    }

    /** Every combination, the last axis varying fastest. */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : axis.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.key(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The keys with more than one value: the settings in which runs differ. */
    public List<String> varied() {
        return axes.stream().filter(a -> a.values().size() > 1).map(Axis::key).toList();
    }

    private static List<String> split(String text, String spec) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                values.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        values.add(cur.toString().trim());
        if (depth != 0 || values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--grid " + spec + ": " + (depth != 0 ? "unbalanced brackets" : "an empty value")
                    + "; values are separated by commas, a list value is written in brackets, e.g. [0.08,1.0]");
        }
        return values;
    }
}
