package dev.simclr.eval.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exhaustive search over the product of a few named axes of settings, each point scored on the
 * validation split. Points are visited in row-major order (the last axis fastest), so a scorer may
 * reuse work between neighbours (the probe warm-starts along the weight-decay axis); of equal
 * scores the first visited wins.
 */
public final class GridSearch {

    /** One setting and the values it may take, in the order they are tried. */
    public record Axis(String name, double[] values) {
        public Axis {
            if (values.length == 0) {
                throw new IllegalArgumentException("the grid of " + name + " is empty");
            }
        }
    }

    /** Scores one point: its values in axis order; higher is better. */
    @FunctionalInterface
    public interface Scorer {
        double score(double[] point) throws Exception;
    }

    /**
     * The winner of a search.
     *
     * @param best index of the chosen value on each axis
     * @param score its validation score
     */
    public record Result(List<Axis> axes, int[] best, double score) {

        /** The chosen value of an axis, or {@code fallback} when the grid has no such axis. */
        public double value(String name, double fallback) {
            for (int a = 0; a < axes.size(); a++) {
                if (axes.get(a).name().equals(name)) {
                    return axes.get(a).values()[best[a]];
                }
            }
            return fallback;
        }

        /** Whether points were scored (false for a grid of one). */
        public boolean searched() {
            return !Double.isNaN(score);
        }

        /** Axis name to chosen value, for results.json. */
        public Map<String, Object> selected() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                out.put(axes.get(a).name(), axes.get(a).values()[best[a]]);
            }
            return out;
        }

        /**
         * One line naming each searched axis whose choice is its smallest or largest value (the
         * best may lie beyond the grid), or null when every choice is inside its grid.
         */
        public String edgeWarning(String where) {
            List<String> edges = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                double[] v = axes.get(a).values();
                double chosen = v[best[a]];
                double lo = Arrays.stream(v).min().orElseThrow();
                double hi = Arrays.stream(v).max().orElseThrow();
                if (v.length > 1 && (chosen == lo || chosen == hi)) {
                    edges.add(String.format(Locale.ROOT, "%s %s is the %s of its grid [%s .. %s]", axes.get(a).name(),
                            fmt(chosen), chosen == lo ? "smallest" : "largest", fmt(lo), fmt(hi)));
                }
            }
            return edges.isEmpty() ? null
                    : "warning: " + where + ": " + String.join("; ", edges) + "; the best value may lie beyond it: widen the grid";
        }
    }

    private GridSearch() {}

    /** Points in the grid. */
    public static int size(List<Axis> axes) {
        return axes.stream().mapToInt(a -> a.values().length).reduce(1, (a, b) -> a * b);
    }

    /** The only point of a grid of one, chosen without scoring (score NaN). */
    public static Result only(List<Axis> axes) {
        if (size(axes) != 1) {
            throw new IllegalArgumentException("a grid of " + size(axes) + " points needs a search");
        }
        return new Result(List.copyOf(axes), new int[axes.size()], Double.NaN);
    }

    public static Result search(List<Axis> axes, Scorer scorer) throws Exception {
        int[] index = new int[axes.size()];
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] point = new double[axes.size()];
        while (true) {
            for (int a = 0; a < axes.size(); a++) {
                point[a] = axes.get(a).values()[index[a]];
            }
            double s = scorer.score(point.clone());
            if (best == null || s > bestScore) {
                best = index.clone();
                bestScore = s;
            }
            int a = axes.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(a).values().length) {
                index[a--] = 0;
            }
            if (a < 0) {
                return new Result(List.copyOf(axes), best, bestScore);
            }
        }
    }

    /** Shortest plain form of a grid value: 0.001, 1e-06, 200. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
