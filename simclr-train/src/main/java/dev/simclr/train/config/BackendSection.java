package dev.simclr.train.config;

import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendSettings;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.Provider;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ParamValidator;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates {@code backend:}: {@code name} (a backend, or {@code auto}), the shared settings of
 * {@link BackendSettings#SHARED}, and engine-only settings under a key named after their engine
 * ({@code backend.pytorch: {...}}), each checked against that engine's declarations. Sub-keys of
 * engines other than the chosen one are kept as written and ignored when the backend starts, so
 * switching engines is a change of {@code name} alone. An engine-only key written at the top of
 * the section is refused with the place it belongs.
 */
final class BackendSection {

    private static final String PATH = "backend";

    private final PluginRegistry registry;

    BackendSection(PluginRegistry registry) {
        this.registry = registry;
    }

    @SuppressWarnings("unchecked")
    ComponentConfig validate(Object raw, String defaultName, List<ConfigError> errors) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (raw instanceof String s) {
            given.put("name", s);
        } else if (raw instanceof Map<?, ?> m) {
            given.putAll((Map<String, Object>) m);
        } else if (raw != null) {
            errors.add(new ConfigError(PATH, "wrong type: got " + ParamValidator.describe(raw) + "; expected a backend name or a map with name:"));
            return null;
        }
        String name = name(given.remove("name"), defaultName, raw instanceof Map, errors);
        if (name == null) {
            return null;
        }
        boolean auto = name.equals(BackendSettings.AUTO);
        if (auto && !given.containsKey("device")) {
            given.put("device", BackendSettings.AUTO); // auto picks the device too, unless the file names one
        }
        Map<String, Object> shared = new LinkedHashMap<>();
        Map<String, Object> engines = new LinkedHashMap<>();
        int before = errors.size();
        split(given, shared, engines, errors);
        Params common = ParamValidator.validate(shared, BackendSettings.SHARED, PATH, errors);
        Map<String, Object> values = new LinkedHashMap<>(common.values());
        values.putAll(engines);
        Params params = Params.of(PATH, values);
        if (errors.size() == before) {
            Map<String, String> problems = auto ? BackendSettings.check(params) : registry.get(BackendProvider.class, name).check(params);
            problems.forEach((k, v) -> errors.add(new ConfigError(PATH + "." + k, v)));
        }
        return new ComponentConfig(name, params);
    }

    private String name(Object n, String defaultName, boolean inMap, List<ConfigError> errors) {
        String at = inMap ? PATH + ".name" : PATH;
        if (n == null) {
            return defaultName;
        }
        if (!(n instanceof String s)) {
            errors.add(new ConfigError(PATH + ".name", "wrong type: got " + ParamValidator.describe(n) + "; expected a backend name"));
            return null;
        }
        if (!s.equals(BackendSettings.AUTO) && !registry.has(ProviderKind.BACKEND, s)) {
            errors.add(new ConfigError(at, registry.unknownMessage(ProviderKind.BACKEND, s) + " (or auto)"));
            return null;
        }
        return s;
    }

    /** Sorts the keys into shared settings and engine sub-maps (validated); the rest are errors. */
    @SuppressWarnings("unchecked")
    private void split(Map<String, Object> given, Map<String, Object> shared, Map<String, Object> engines, List<ConfigError> errors) {
        Map<String, Provider> byName = registry.all(ProviderKind.BACKEND);
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String key = e.getKey();
            if (BackendSettings.SHARED.stream().anyMatch(p -> p.name().equals(key))) {
                shared.put(key, e.getValue());
            } else if (byName.containsKey(key)) {
                Object sub = e.getValue();
                if (sub != null && !(sub instanceof Map)) {
                    errors.add(new ConfigError(PATH + "." + key, "wrong type: got " + ParamValidator.describe(sub) + "; expected a map of " + key + "-only settings"));
                    continue;
                }
                List<Param> own = ((BackendProvider) byName.get(key)).engineParameters();
                Params p = ParamValidator.validate(sub == null ? Map.of() : (Map<String, Object>) sub, own, PATH + "." + key, errors);
                engines.put(key, new LinkedHashMap<>(p.values()));
            } else {
                errors.add(new ConfigError(PATH + "." + key, misplaced(key, byName.keySet())));
            }
        }
    }

    /** For a key no section declares: where it belongs, when an engine declares it, else the known keys. */
    private String misplaced(String key, java.util.Collection<String> engineNames) {
        for (String engine : engineNames) {
            boolean declares = registry.get(BackendProvider.class, engine).engineParameters().stream().anyMatch(p -> p.name().equals(key));
            if (declares) {
                return "only the " + engine + " engine takes this setting; write it under backend." + engine + " (backend." + engine + "." + key + ")";
            }
        }
        List<String> known = new ArrayList<>();
        BackendSettings.SHARED.forEach(p -> known.add(p.name()));
        known.addAll(engineNames);
        return ParamValidator.unknownKey(key, known);
    }
}
