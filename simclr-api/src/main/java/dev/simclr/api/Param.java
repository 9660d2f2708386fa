package dev.simclr.api;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a provider or of a built-in config section: its YAML key, type,
 * default, allowed range or choices, and a one-line description. Declarations drive validation,
 * defaults and self-documentation ({@code simclr plugins}, {@code simclr init}) at once.
 *
 * @param name YAML key, kebab-case
 * @param type value type
 * @param defaultValue default (Integer, Double, Boolean, String or List of Double/Integer); null when
 *     the parameter is optional without default or {@link #required()}
 * @param min inclusive lower bound for numbers (each element for lists), or null
 * @param max inclusive upper bound for numbers (each element for lists), or null
 * @param choices allowed values for {@link ParamType#CHOICE}, empty otherwise
 * @param length required list length, or 0 for any
 * @param required true when the key must be given
 * @param description one line for people
 */
public record Param(
        String name,
        ParamType type,
        Object defaultValue,
        Double min,
        Double max,
        List<String> choices,
        int length,
        boolean required,
        String description) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    public static Param integer(String name, int defaultValue, Integer min, Integer max, String description) {
        return new Param(name, ParamType.INT, defaultValue, toD(min), toD(max), null, 0, false, description);
    }

    public static Param real(String name, double defaultValue, Double min, Double max, String description) {
        return new Param(name, ParamType.FLOAT, defaultValue, min, max, null, 0, false, description);
    }

    public static Param bool(String name, boolean defaultValue, String description) {
        return new Param(name, ParamType.BOOL, defaultValue, null, null, null, 0, false, description);
    }

    public static Param string(String name, String defaultValue, String description) {
        return new Param(name, ParamType.STRING, defaultValue, null, null, null, 0, false, description);
    }

    public static Param choice(String name, String defaultValue, List<String> choices, String description) {
        return new Param(name, ParamType.CHOICE, defaultValue, null, null, choices, 0, false, description);
    }

    /** A list of numbers, each within [min, max]; {@code length} 0 accepts any non-empty length. */
    public static Param reals(String name, List<Double> defaultValue, Double min, Double max, int length, String description) {
        return new Param(name, ParamType.FLOAT_LIST, defaultValue, min, max, null, length, false, description);
    }

    /** This parameter with no default: the key must be given. */
    public Param asRequired() {
        return new Param(name, type, null, min, max, choices, length, true, description);
    }

    /** This parameter with no default and not required: absent means "not set". */
    public Param asOptional() {
        return new Param(name, type, null, min, max, choices, length, false, description);
    }

    /** This parameter with another default (same type). */
    public Param withDefault(Object newDefault) {
        return new Param(name, type, newDefault, min, max, choices, length, required, description);
    }

    /** Human form of the allowed values, e.g. {@code int in [1, 10000]} or {@code one of [a, b]}. */
    public String allowed() {
        return switch (type) {
            case CHOICE -> "one of " + choices;
            case BOOL -> "true or false";
            case STRING -> "a string";
            case INT, FLOAT, FLOAT_LIST -> {
                String t = switch (type) {
                    case INT -> "an integer";
                    case FLOAT -> "a number";
                    default -> (length > 0 ? "a list of " + length + " numbers" : "a list of numbers");
                };
                if (min != null && max != null) {
                    yield t + " in [" + fmt(min) + ", " + fmt(max) + "]";
                } else if (min != null) {
                    yield t + " >= " + fmt(min);
                } else if (max != null) {
                    yield t + " <= " + fmt(max);
                }
                yield t;
            }
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Double toD(Integer v) {
        return v == null ? null : v.doubleValue();
    }
}
