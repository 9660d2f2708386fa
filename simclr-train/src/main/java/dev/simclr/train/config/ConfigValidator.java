package dev.simclr.train.config;

import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.Provider;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ConfigException;
import dev.simclr.api.config.ParamValidator;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw YAML tree into a {@link RunConfig}, checking every key against the declared
 * parameters of the built-in sections and of the named providers. All problems are collected
 * and reported together; nothing is returned unless the whole tree is valid.
 *
 * <p>A single component is written {@code backend: pytorch} or {@code backend: {name: pytorch,
 * device: cpu}}; a list item is written {@code - horizontal-flip} or {@code - color-jitter:
 * {brightness: 0.8}}.
 */
public final class ConfigValidator {

    /** Defaults for components the file leaves out. */
    static final Map<String, String> DEFAULT_NAMES = Map.of(
            "backend", "pytorch", "encoder", "resnet18", "head", "mlp", "loss", "nt-xent");

    private final PluginRegistry registry;

    public ConfigValidator(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Validates; throws {@link ConfigException} listing every error. */
    public RunConfig validate(Map<String, Object> tree) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Object> root = tree == null ? Map.of() : TextKeys.of(tree);
        for (String key : root.keySet()) {
            if (!Sections.TOP_LEVEL.contains(key)) {
                // an empty key has no path to name, so its message says where it is
                String where = key.isEmpty() ? "an empty key at the top level: " : "";
                errors.add(new ConfigError(key, where + ParamValidator.unknownKey(key, Sections.TOP_LEVEL)));
            }
        }
        long seed = seed(root, errors);
        ComponentConfig backend = new BackendSection(registry).validate(root.get("backend"), DEFAULT_NAMES.get("backend"), errors);
        DataRoles data = data(root, errors);
        List<ComponentConfig> augment = augment(root, errors);

        Map<String, Object> model = section(root, "model", errors);
        checkKeys(model, Sections.MODEL_PARTS, "model", errors);
        ComponentConfig encoder = single(model.get("encoder"), "model.encoder", ProviderKind.ENCODER, DEFAULT_NAMES.get("encoder"), Sections.ENCODER_COMMON, errors);
        if (encoder != null && encoder.params().has(Sections.ENCODER_INIT)
                && !Files.isRegularFile(Path.of(encoder.params().getString(Sections.ENCODER_INIT)))) {
            errors.add(new ConfigError("model.encoder." + Sections.ENCODER_INIT, "no such file: " + encoder.params().getString(Sections.ENCODER_INIT)
                    + " (relative paths are read from " + Path.of("").toAbsolutePath() + ")"));
        }
        ComponentConfig head = single(model.get("head"), "model.head", ProviderKind.PROJECTION_HEAD, DEFAULT_NAMES.get("head"), List.of(), errors);
        ComponentConfig loss = single(root.get("loss"), "loss", ProviderKind.LOSS, DEFAULT_NAMES.get("loss"), List.of(), errors);

        Params train = train(root, errors);
        List<ComponentConfig> evaluate = evaluate(root, errors);
        if (!evaluate.isEmpty() && data.test() == null && root.get("data") != null) {
            errors.add(new ConfigError("data.test", "missing; the evaluators need labelled test data (or set evaluate: [])"));
        }
        Params output = ParamValidator.validate(section(root, "output", errors), Sections.OUTPUT, "output", errors);

        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new RunConfig(seed, backend, data.train(), data.test(), data.probeTrain(), augment, encoder, head, loss, train, evaluate,
                output);
    }

    /** The {@code data:} section's datasets by role; a role absent or invalid is null. */
    private record DataRoles(ComponentConfig train, ComponentConfig test, ComponentConfig probeTrain) {}

    private static long seed(Map<String, Object> root, List<ConfigError> errors) {
        Map<String, Object> seedMap = new LinkedHashMap<>();
        if (root.containsKey("seed")) {
            seedMap.put("seed", root.get("seed"));
        }
        Params seedParams = ParamValidator.validate(seedMap, List.of(Sections.SEED), "", errors);
        return seedParams.has("seed") ? seedParams.getLong("seed") : 42;
    }

    private DataRoles data(Map<String, Object> root, List<ConfigError> errors) {
        Map<String, Object> data = section(root, "data", errors);
        checkKeys(data, Sections.DATA_ROLES, "data", errors);
        ComponentConfig train = null;
        if (data.get("train") == null) {
            errors.add(new ConfigError("data.train", "missing; name the pre-training dataset, e.g. {name: fashion-mnist, split: train}"));
        } else {
            train = dataset(data, "train", errors);
        }
        ComponentConfig test = data.get("test") == null ? null : dataset(data, "test", errors);
        ComponentConfig probeTrain = data.get("probe-train") == null ? null : dataset(data, "probe-train", errors);
        return new DataRoles(train, test, probeTrain);
    }

    private ComponentConfig dataset(Map<String, Object> data, String role, List<ConfigError> errors) {
        return single(data.get(role), "data." + role, ProviderKind.DATASET, null, Sections.DATASET_COMMON, errors);
    }

    /** The augmentation list; absent, the {@code simclr} preset when one is registered. */
    private List<ComponentConfig> augment(Map<String, Object> root, List<ConfigError> errors) {
        if (root.get("augment") != null) {
            return list(root.get("augment"), "augment", ProviderKind.AUGMENTATION, errors);
        }
        List<ComponentConfig> augment = new ArrayList<>();
        if (registry.has(ProviderKind.AUGMENTATION, "simclr")) {
            augment.add(byName("simclr", "augment[0]", ProviderKind.AUGMENTATION, errors));
        } else {
            errors.add(new ConfigError("augment", "missing; list the augmentation operators"));
        }
        return augment;
    }

    private static Params train(Map<String, Object> root, List<ConfigError> errors) {
        Params train = ParamValidator.validate(section(root, "train", errors), Sections.TRAIN, "train", errors);
        if (train.has("nesterov") && train.getBool("nesterov") && train.has("momentum") && train.getDouble("momentum") == 0
                && !"adam".equals(train.getString("optimizer", "adam"))) {
            // as torch.optim.SGD: Nesterov momentum without momentum is an error, not a silent plain step
            errors.add(new ConfigError("train.nesterov", "needs train.momentum > 0 (it is 0)"));
        }
        return train;
    }

    /** The evaluator list; absent, the linear probe when one is registered; {@code evaluate: []} or null, none. */
    private List<ComponentConfig> evaluate(Map<String, Object> root, List<ConfigError> errors) {
        if (root.containsKey("evaluate")) {
            return root.get("evaluate") == null ? List.of() : list(root.get("evaluate"), "evaluate", ProviderKind.EVALUATOR, errors);
        }
        List<ComponentConfig> evaluate = new ArrayList<>();
        if (registry.has(ProviderKind.EVALUATOR, "linear-probe")) {
            evaluate.add(byName("linear-probe", "evaluate[0]", ProviderKind.EVALUATOR, errors));
        }
        return evaluate;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String key, List<ConfigError> errors) {
        Object v = root.get(key);
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        errors.add(new ConfigError(key, "wrong type: got " + ParamValidator.describe(v) + "; expected a map of settings"));
        return new LinkedHashMap<>();
    }

    private static void checkKeys(Map<String, Object> map, List<String> allowed, String path, List<ConfigError> errors) {
        for (String k : map.keySet()) {
            if (!allowed.contains(k)) {
                errors.add(new ConfigError(path + "." + k, ParamValidator.unknownKey(k, allowed)));
            }
        }
    }

    /** A single component: a name string, or a map with {@code name} and parameters. */
    @SuppressWarnings("unchecked")
    private ComponentConfig single(Object raw, String path, ProviderKind kind, String defaultName, List<Param> common, List<ConfigError> errors) {
        String name;
        Map<String, Object> params = new LinkedHashMap<>();
        if (raw == null) {
            if (defaultName == null) {
                errors.add(new ConfigError(path, "missing; name a " + kind.label()));
                return null;
            }
            name = defaultName;
        } else if (raw instanceof String s) {
            name = s;
        } else if (raw instanceof Map<?, ?> m) {
            params.putAll((Map<String, Object>) m);
            Object n = params.remove("name");
            if (n == null) {
                if (defaultName == null) {
                    errors.add(new ConfigError(path + ".name", "missing; name a " + kind.label() + known(kind)));
                    return null;
                }
                name = defaultName;
            } else if (!(n instanceof String)) {
                errors.add(new ConfigError(path + ".name", "wrong type: got " + ParamValidator.describe(n) + "; expected a " + kind.label() + " name"));
                return null;
            } else {
                name = (String) n;
            }
        } else {
            errors.add(new ConfigError(path, "wrong type: got " + ParamValidator.describe(raw) + "; expected a " + kind.label() + " name or a map with name:"));
            return null;
        }
        return resolve(name, params, path, kind, common, path + (raw instanceof Map ? ".name" : ""), errors);
    }

    private ComponentConfig resolve(String name, Map<String, Object> params, String path, ProviderKind kind, List<Param> common, String namePath, List<ConfigError> errors) {
        if (!registry.has(kind, name)) {
            errors.add(new ConfigError(namePath, registry.unknownMessage(kind, name)));
            return null;
        }
        Provider p = registry.get(kind.type(), name);
        List<Param> declared = new ArrayList<>(p.parameters());
        declared.addAll(common);
        int before = errors.size();
        Params validated = ParamValidator.validate(params, declared, path, errors);
        if (errors.size() == before) {
            for (Map.Entry<String, String> e : p.check(validated).entrySet()) {
                errors.add(new ConfigError(path + "." + e.getKey(), e.getValue()));
            }
        }
        return new ComponentConfig(name, validated);
    }

    /** A list of components, each {@code name} or {@code {name: {params}}}. */
    @SuppressWarnings("unchecked")
    private List<ComponentConfig> list(Object raw, String path, ProviderKind kind, List<ConfigError> errors) {
        List<ComponentConfig> out = new ArrayList<>();
        if (!(raw instanceof List<?> items)) {
            errors.add(new ConfigError(path, "wrong type: got " + ParamValidator.describe(raw) + "; expected a list of " + kind.label() + " names, each optionally with settings"));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String at = path + "[" + i + "]";
            if (item instanceof String s) {
                ComponentConfig c = resolve(s, Map.of(), at + "." + s, kind, List.of(), at, errors);
                if (c != null) {
                    out.add(c);
                }
            } else if (item instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<?, ?> e = m.entrySet().iterator().next();
                String name = String.valueOf(e.getKey());
                Object settings = e.getValue();
                if (settings != null && !(settings instanceof Map)) {
                    errors.add(new ConfigError(at + "." + name, "wrong type: got " + ParamValidator.describe(settings) + "; expected a map of settings"));
                    continue;
                }
                ComponentConfig c = resolve(name, settings == null ? Map.of() : (Map<String, Object>) settings, at + "." + name, kind, List.of(), at, errors);
                if (c != null) {
                    out.add(c);
                }
            } else {
                errors.add(new ConfigError(at, "expected a " + kind.label() + " name, or one name with its settings (e.g. `- name: {key: value}`)" + known(kind)));
            }
        }
        return out;
    }

    /** A default list item: a provider by name with all its defaults. */
    private ComponentConfig byName(String name, String path, ProviderKind kind, List<ConfigError> errors) {
        return resolve(name, Map.of(), path + "." + name, kind, List.of(), path, errors);
    }

    private String known(ProviderKind kind) {
        return " (known: " + String.join(", ", registry.all(kind).keySet()) + ")";
    }
}
