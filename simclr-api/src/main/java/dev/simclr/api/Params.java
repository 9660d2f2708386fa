package dev.simclr.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values of one component, defaults filled in. Values are Integer, Double,
 * Boolean, String or List of Double, as the declarations say; absent optional keys are missing.
 *
 * @param path YAML path of the component, for messages (e.g. {@code augment[2].color-jitter})
 * @param values the values, in declaration order
 */
public record Params(String path, Map<String, Object> values) {

    public Params {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Params of(String path, Map<String, Object> values) {
        return new Params(path, values);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public int getInt(String key) {
        return ((Number) require(key)).intValue();
    }

    public long getLong(String key) {
        return ((Number) require(key)).longValue();
    }

    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public float getFloat(String key) {
        return ((Number) require(key)).floatValue();
    }

    public boolean getBool(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return String.valueOf(require(key));
    }

    public String getString(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    public double[] getDoubles(String key) {
        List<?> list = (List<?>) require(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    public float[] getFloats(String key) {
        double[] d = getDoubles(key);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /** A copy with one value replaced (for code that derives settings, never for user input). */
    public Params with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Params(path, copy);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path + "." + key + ": no value (not declared, or optional and not set)");
        }
        return v;
    }
}
