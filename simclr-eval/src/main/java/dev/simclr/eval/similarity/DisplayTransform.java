package dev.simclr.eval.similarity;

import java.util.List;
import java.util.Map;

/**
 * Undoes the pipeline's {@code normalize} step for display: {@code x * std + mean} per channel
 * (the inverse of torchvision's {@code Normalize}), found in the resolved config's augment list.
 * Without one, values are shown as they are, clamped to [0, 1].
 *
 * @param mean per-channel mean (empty: none)
 * @param std per-channel std (empty: none)
 */
record DisplayTransform(double[] mean, double[] std) {

    static DisplayTransform identity() {
        return new DisplayTransform(new double[0], new double[0]);
    }

    /** Reads the last {@code normalize} entry of {@code augment:} in a resolved config tree. */
    static DisplayTransform fromConfig(Map<String, Object> config) {
        DisplayTransform found = identity();
        if (config == null || !(config.get("augment") instanceof List<?> ops)) {
            return found;
        }
        for (Object op : ops) {
            if (op instanceof Map<?, ?> entry && entry.get("normalize") instanceof Map<?, ?> params) {
                double[] mean = numbers(params.get("mean"));
                double[] std = numbers(params.get("std"));
                if (mean.length > 0 && mean.length == std.length) {
                    found = new DisplayTransform(mean, std);
                }
            }
        }
        return found;
    }

    /** The display value in [0, 1] of a pipeline output value of channel {@code c}. */
    float apply(int c, float v) {
        double x = v;
        if (mean.length > 0) {
            int k = Math.min(c, mean.length - 1);
            x = v * std[k] + mean[k];
        }
        return (float) Math.max(0.0, Math.min(1.0, x));
    }

    private static double[] numbers(Object value) {
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return new double[0];
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        return new double[0];
    }
}
