package dev.simclr.train.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML tree with every map key as text. YAML allows keys that are numbers, booleans or null
 * ({@code 7: x}, {@code true: y}); as text they meet the usual "unknown key" error with their path
 * instead of a cast failure deep in validation.
 */
final class TextKeys {

    private TextKeys() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<?, ?> tree) {
        return (Map<String, Object>) copy(tree);
    }

    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }
}
