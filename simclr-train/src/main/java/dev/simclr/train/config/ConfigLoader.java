package dev.simclr.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads run files (YAML) into plain trees, applies {@code --set path=value} overrides, and writes
 * resolved trees back as YAML. Validation is {@link ConfigValidator}'s job.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ConfigLoader() {}

    /** Parses a YAML file; an empty file is an empty tree. */
    public static Map<String, Object> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("", "config file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /** Parses YAML from a stream (e.g. a bundled resource). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(InputStream in, String source) throws IOException {
        Object tree;
        try {
            tree = YAML.readValue(in, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException("", source + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null) {
            return new LinkedHashMap<>();
        }
        if (!(tree instanceof Map)) {
            throw new ConfigException("", source + ": the top level must be a map of sections (seed, backend, data, ...)");
        }
        return (Map<String, Object>) tree;
    }

    /**
     * Applies overrides {@code path=value}; the path uses dots and list indices
     * ({@code train.epochs}, {@code augment[2].color-jitter.brightness}); the value is parsed as
     * YAML ({@code 5}, {@code 0.5}, {@code true}, {@code [0.5, 0.5]}, {@code text}).
     */
    public static void applyOverrides(Map<String, Object> tree, List<String> overrides) {
        List<ConfigError> errors = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                errors.add(new ConfigError(o.isEmpty() ? "--set" : o, "--set expects path=value, e.g. --set train.epochs=5"));
                continue;
            }
            String path = o.substring(0, eq).trim();
            Object value;
            try {
                value = YAML.readValue(o.substring(eq + 1), Object.class);
            } catch (JsonProcessingException e) {
                value = o.substring(eq + 1);
            }
            try {
                set(tree, path, value);
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(path, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> tree, String path, Object value) {
        List<Object> steps = steps(path);
        Object node = tree;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = child(node, steps.get(i), steps.get(i + 1) instanceof String);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String key) {
            mapHolding(node, key).put(key, value);
        } else {
            List<Object> l = listHolding(node, last);
            int idx = (Integer) last;
            checkIndex(idx, l.size() + 1);
            if (idx == l.size()) {
                l.add(value);
            } else {
                l.set(idx, value);
            }
        }
    }

    /**
     * The child at {@code step}, created or expanded so that it is a map when {@code wantMap}
     * (shorthands {@code backend: pytorch} and {@code - horizontal-flip} are expanded so a
     * setting can be added to them), else an existing list.
     */
    @SuppressWarnings("unchecked")
    private static Object child(Object node, Object step, boolean wantMap) {
        Object child;
        if (step instanceof String key) {
            Map<String, Object> m = mapHolding(node, key);
            child = m.get(key);
            if (wantMap && child instanceof String s) {
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put("name", s);
                child = expanded;
            } else if (wantMap && child == null) {
                child = new LinkedHashMap<String, Object>();
            }
            m.put(key, child);
        } else {
            List<Object> l = listHolding(node, step);
            int idx = (Integer) step;
            checkIndex(idx, l.size());
            child = l.get(idx);
            if (wantMap && child instanceof String s) {
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put(s, new LinkedHashMap<String, Object>());
                child = expanded;
                l.set(idx, child);
            }
        }
        if (wantMap && !(child instanceof Map)) {
            throw new IllegalArgumentException("'" + step + "' is not a map of settings");
        }
        if (!wantMap && !(child instanceof List)) {
            throw new IllegalArgumentException("'" + step + "' is not a list");
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapHolding(Object node, String key) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException("'" + key + "' is inside something that is not a map");
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listHolding(Object node, Object index) {
        if (!(node instanceof List)) {
            throw new IllegalArgumentException("index [" + index + "] is used on something that is not a list");
        }
        return (List<Object>) node;
    }

    private static void checkIndex(int idx, int size) {
        if (idx < 0 || idx >= size) {
            throw new IllegalArgumentException("index [" + idx + "] is out of range (the list has " + size + " items)");
        }
    }

    static List<Object> steps(String path) {
        List<Object> out = new ArrayList<>();
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty step in path '" + path + "'");
            }
            int b = part.indexOf('[');
            String key = b < 0 ? part : part.substring(0, b);
            if (!key.isEmpty()) {
                out.add(key);
            }
            while (b >= 0) {
                int e = part.indexOf(']', b);
                if (e < 0) {
                    throw new IllegalArgumentException("missing ] in '" + part + "'");
                }
                try {
                    out.add(Integer.parseInt(part.substring(b + 1, e)));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("list index must be a number in '" + part + "'");
                }
                b = part.indexOf('[', e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no key in path '" + path + "'");
        }
        return out;
    }

    /** The tree as YAML text. */
    public static String toYaml(Map<String, Object> tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
