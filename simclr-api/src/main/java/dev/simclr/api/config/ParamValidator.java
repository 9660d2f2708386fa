package dev.simclr.api.config;

import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks raw YAML values against declared parameters and fills in defaults. */
public final class ParamValidator {

    private ParamValidator() {}

    /**
     * Validates {@code raw} (may be null for "all defaults") against {@code declared}. Every
     * problem is added to {@code errors}; the returned params hold what was valid plus defaults.
     *
     * @param path YAML path of the map, for messages
     */
    public static Params validate(Map<String, Object> raw, List<Param> declared, String path, List<ConfigError> errors) {
        Map<String, Param> byName = new LinkedHashMap<>();
        for (Param p : declared) {
            byName.put(p.name(), p);
        }
        Map<String, Object> given = raw == null ? Map.of() : raw;
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                errors.add(new ConfigError(join(path, key), unknownKey(key, byName.keySet())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : declared) {
            String at = join(path, p.name());
            if (!given.containsKey(p.name()) || given.get(p.name()) == null) {
                if (p.required()) {
                    errors.add(new ConfigError(at, "missing; expected " + p.allowed() + " (" + p.description() + ")"));
                } else if (p.defaultValue() != null) {
                    out.put(p.name(), p.defaultValue());
                }
                continue;
            }
            Object v = coerce(p, given.get(p.name()), at, errors);
            if (v != null) {
                out.put(p.name(), v);
            }
        }
        return new Params(path, out);
    }

    public static String unknownKey(String key, java.util.Collection<String> known) {
        String close = Suggest.closest(key, known);
        if (close != null) {
            return "unknown key, did you mean " + close + "?";
        }
        return known.isEmpty() ? "unknown key (this section takes no keys)" : "unknown key (known: " + String.join(", ", known) + ")";
    }

    /** The value converted to the declared type, or null after adding an error. */
    static Object coerce(Param p, Object v, String at, List<ConfigError> errors) {
        switch (p.type()) {
            case INT -> {
                if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
                    long l = ((Number) v).longValue();
                    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                        errors.add(new ConfigError(at, "value " + v + " is out of range; expected " + p.allowed()));
                        return null;
                    }
                    return inRange(p, (int) l, at, errors) ? (int) l : null;
                }
                errors.add(wrongType(p, v, at));
                return null;
            }
            case FLOAT -> {
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    return inRange(p, d, at, errors) ? d : null;
                }
                errors.add(wrongType(p, v, at));
                return null;
            }
            case BOOL -> {
                if (v instanceof Boolean) {
                    return v;
                }
                errors.add(wrongType(p, v, at));
                return null;
            }
            case STRING -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    return String.valueOf(v);
                }
                errors.add(wrongType(p, v, at));
                return null;
            }
            case CHOICE -> {
                String s = v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
                if (s != null && p.choices().contains(s)) {
                    return s;
                }
                if (s == null) {
                    errors.add(wrongType(p, v, at));
                } else {
                    String close = Suggest.closest(s, p.choices());
                    errors.add(new ConfigError(at, "value '" + s + "' is not allowed; expected " + p.allowed()
                            + (close != null ? " (did you mean " + close + "?)" : "")));
                }
                return null;
            }
            case FLOAT_LIST -> {
                if (!(v instanceof List<?> list) || list.isEmpty()) {
                    errors.add(wrongType(p, v, at));
                    return null;
                }
                if (p.length() > 0 && list.size() != p.length()) {
                    errors.add(new ConfigError(at, "has " + list.size() + " values; expected " + p.allowed()));
                    return null;
                }
                List<Double> out = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    if (e instanceof Number n) {
                        ok &= inRange(p, n.doubleValue(), at + "[" + i + "]", errors);
                        out.add(n.doubleValue());
                    } else {
                        errors.add(new ConfigError(at + "[" + i + "]", "wrong type: got " + describe(e) + "; expected a number"));
                        ok = false;
                    }
                }
                return ok ? List.copyOf(out) : null;
            }
            default -> throw new IllegalStateException(p.type().toString());
        }
    }

    private static boolean inRange(Param p, double d, String at, List<ConfigError> errors) {
        if (Double.isNaN(d) || (p.min() != null && d < p.min()) || (p.max() != null && d > p.max())) {
            errors.add(new ConfigError(at, "value " + fmt(d) + " is out of range; expected " + p.allowed()));
            return false;
        }
        return true;
    }

    private static ConfigError wrongType(Param p, Object v, String at) {
        return new ConfigError(at, "wrong type: got " + describe(v) + "; expected " + p.allowed());
    }

    public static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "the string '" + s + "'";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        if (v instanceof Boolean) {
            return "the boolean " + v;
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        return v.getClass().getSimpleName() + " " + v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }
}
