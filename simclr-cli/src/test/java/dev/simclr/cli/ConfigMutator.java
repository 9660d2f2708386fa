package dev.simclr.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random damage to a run file, as a user's typing does it: the YAML text broken, a value of
 * another type, a misspelled key, a number far out of range, a key dropped, an override path or value
 * that does not fit the tree.
 */
final class ConfigMutator {

    private static final String YAML_PUNCTUATION = ":[]{}-,#&*!|>'\"%@` \t\n?";
    private static final Object[] ODD_VALUES = {
        null, "", "text", "1e309", true, false, 0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 1e300, -1e-300,
        Double.NaN, Double.NEGATIVE_INFINITY, List.of(), List.of(1, "a", List.of()), Map.of(), Map.of("k", "v"),
        Map.of(7, "integer key"), List.of(Map.of())};
    private static final String[] ODD_OVERRIDE_VALUES = {
        "", "[1,", "{", "}", "true", "-3", "1e309", "~", "'x", "[0.5, 0.5]", "{name: x}", "a: b: c", "- 1", "!!binary x",
        "0x10", ".inf", "-.nan", "[[[]]]", "&a 1", "*a"};

    private final Random rng;

    ConfigMutator(long seed) {
        this.rng = new Random(seed);
    }

    /** The text with one to three characters or lines broken. */
    String breakText(String yaml) {
        StringBuilder sb = new StringBuilder(yaml);
        int edits = 1 + rng.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = rng.nextInt(sb.length());
            switch (rng.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, YAML_PUNCTUATION.charAt(rng.nextInt(YAML_PUNCTUATION.length())));
                case 2 -> sb.setLength(at);
                case 3 -> sb.insert(sb.lastIndexOf("\n", at) + 1, "  ");
                default -> sb.insert(at, "\n" + sb.substring(sb.lastIndexOf("\n", at - 1) + 1, at));
            }
        }
        return sb.toString();
    }

    /** The tree with one node changed: another type, a misspelled or dropped key, a value out of range. */
    @SuppressWarnings("unchecked")
    void damageTree(Map<String, Object> root) {
        Object parent = root;
        Object key = pick(root);
        int depth = rng.nextInt(4);
        for (int d = 0; d < depth && children(child(parent, key)) != null && !children(child(parent, key)).isEmpty(); d++) {
            parent = child(parent, key);
            key = pick(parent);
        }
        Object old = child(parent, key);
        Object replacement = switch (rng.nextInt(4)) {
            case 0 -> copy(ODD_VALUES[rng.nextInt(ODD_VALUES.length)]);
            case 1 -> old instanceof Number n ? outOfRange(n) : copy(ODD_VALUES[rng.nextInt(ODD_VALUES.length)]);
            case 2 -> old instanceof String s ? misspell(s) : new ArrayList<>(List.of(old == null ? "x" : old));
            default -> KEEP;
        };
        if (parent instanceof Map<?, ?> m && (replacement == KEEP || rng.nextInt(5) == 0)) {
            Map<Object, Object> map = (Map<Object, Object>) m;
            Object value = map.remove(key);
            if (rng.nextBoolean()) {
                map.put(misspell(String.valueOf(key)), value);
            }
        } else if (replacement != KEEP) {
            put(parent, key, replacement);
        }
    }

    /** An override {@code path=value} that may or may not fit the tree. */
    String override(Map<String, Object> root) {
        StringBuilder path = new StringBuilder();
        Object node = root;
        int depth = 1 + rng.nextInt(4);
        for (int d = 0; d < depth && children(node) != null && !children(node).isEmpty(); d++) {
            Object key = pick(node);
            path.append(key instanceof Integer i ? "[" + i + "]" : (path.length() == 0 ? "" : ".") + key);
            node = child(node, key);
        }
        String p = path.toString();
        p = switch (rng.nextInt(6)) {
            case 0 -> p + "[" + (rng.nextInt(20) - 5) + "]";
            case 1 -> p + ".";
            case 2 -> p.isEmpty() ? "[0]" : p.substring(0, rng.nextInt(p.length()));
            case 3 -> "[" + rng.nextInt(3) + "]" + p;
            case 4 -> p + "[x";
            default -> p;
        };
        return p + (rng.nextInt(10) == 0 ? "" : "=" + ODD_OVERRIDE_VALUES[rng.nextInt(ODD_OVERRIDE_VALUES.length)]);
    }

    private static final Object KEEP = new Object();

    private Object outOfRange(Number n) {
        double[] scale = {-1, 0, 1e9, -1e9, 1e-12};
        double v = n.doubleValue() * scale[rng.nextInt(scale.length)];
        return n instanceof Integer || n instanceof Long ? (Object) (long) v : (Object) v;
    }

    private String misspell(String s) {
        if (s.isEmpty()) {
            return "x";
        }
        char[] c = s.toCharArray();
        int at = rng.nextInt(c.length);
        c[at] = (char) ('a' + rng.nextInt(26));
        return rng.nextBoolean() ? new String(c) : s + "s";
    }

    private Object pick(Object node) {
        List<Object> keys = children(node);
        return keys == null || keys.isEmpty() ? "extra" : keys.get(rng.nextInt(keys.size()));
    }

    private static List<Object> children(Object node) {
        if (node instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (node instanceof List<?> l) {
            List<Object> idx = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                idx.add(i);
            }
            return idx;
        }
        return null;
    }

    private static Object child(Object node, Object key) {
        return node instanceof Map<?, ?> m ? m.get(key) : node instanceof List<?> l && key instanceof Integer i ? l.get(i) : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object node, Object key, Object value) {
        if (node instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(key, value);
        } else if (node instanceof List<?> l && key instanceof Integer i) {
            ((List<Object>) l).set(i, value);
        }
    }

    /** A deep, mutable copy (the odd values are shared and immutable). */
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }
}
