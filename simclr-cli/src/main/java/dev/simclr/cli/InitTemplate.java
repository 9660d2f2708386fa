package dev.simclr.cli;

import dev.simclr.api.Param;
import dev.simclr.api.Provider;
import dev.simclr.api.config.RunConfig;
import dev.simclr.train.config.Sections;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a complete run file with a comment on every key (its description and allowed values),
 * from the declared parameters: the resolved built-in default, so it validates as it is.
 */
final class InitTemplate {

    private InitTemplate() {}

    static String render(RunConfig config, PluginRegistry registry) {
        Map<String, Object> tree = config.toTree();
        StringBuilder sb = new StringBuilder();
        sb.append("# simclr run file: every section and key, with its default. `simclr plugins` lists all providers.\n");
        sb.append("# Validate with `simclr validate FILE`; run with `simclr run FILE`; override with --set path=value.\n\n");
        sb.append(comment(Sections.SEED)).append("seed: ").append(tree.get("seed")).append("\n\n");
        sb.append("# engine backend: ").append(names(registry, ProviderKind.BACKEND))
                .append(", or auto (one that runs here); the keys below mean the same on every backend, so name alone switches\n");
        sb.append("backend:\n");
        component(sb, "  ", castMap(tree.get("backend")), registry, ProviderKind.BACKEND, List.of());
        sb.append("\n# datasets: train = pre-training (and probe fitting), test = held-out evaluation; optional probe-train.\n");
        sb.append("# dataset providers: ").append(names(registry, ProviderKind.DATASET)).append('\n');
        sb.append("data:\n");
        for (Map.Entry<String, Object> e : castMap(tree.get("data")).entrySet()) {
            sb.append("  ").append(e.getKey()).append(":\n");
            component(sb, "    ", castMap(e.getValue()), registry, ProviderKind.DATASET, Sections.DATASET_COMMON);
        }
        sb.append("\n# augmentations, applied in order to each of the two views: ").append(names(registry, ProviderKind.AUGMENTATION)).append('\n');
        sb.append("augment:\n");
        listed(sb, tree.get("augment"), registry, ProviderKind.AUGMENTATION);
        sb.append("\n# encoder f and projection head g (paper Fig. 2). encoders: ").append(names(registry, ProviderKind.ENCODER))
                .append("; heads: ").append(names(registry, ProviderKind.PROJECTION_HEAD)).append('\n');
        sb.append("model:\n");
        Map<String, Object> model = castMap(tree.get("model"));
        sb.append("  encoder:\n");
        component(sb, "    ", castMap(model.get("encoder")), registry, ProviderKind.ENCODER, List.of());
        sb.append("  head:\n");
        component(sb, "    ", castMap(model.get("head")), registry, ProviderKind.PROJECTION_HEAD, List.of());
        sb.append("\n# contrastive loss: ").append(names(registry, ProviderKind.LOSS)).append('\n');
        sb.append("loss:\n");
        component(sb, "  ", castMap(tree.get("loss")), registry, ProviderKind.LOSS, List.of());
        sb.append("\n# pre-training\ntrain:\n");
        keys(sb, "  ", castMap(tree.get("train")), Sections.TRAIN);
        sb.append("\n# evaluations after pre-training, in order: ").append(names(registry, ProviderKind.EVALUATOR)).append('\n');
        sb.append("evaluate:\n");
        listed(sb, tree.get("evaluate"), registry, ProviderKind.EVALUATOR);
        sb.append("\n# where the run folder goes\noutput:\n");
        keys(sb, "  ", castMap(tree.get("output")), Sections.OUTPUT);
        return sb.toString();
    }

    private static void component(StringBuilder sb, String indent, Map<String, Object> values, PluginRegistry reg, ProviderKind kind, List<Param> common) {
        String name = String.valueOf(values.get("name"));
        Provider p = reg.get(kind.type(), name);
        sb.append(indent).append("name: ").append(name).append("  # ").append(p.description()).append('\n');
        List<Param> declared = new ArrayList<>(p.parameters());
        declared.addAll(common);
        keys(sb, indent, values, declared);
    }

    private static void listed(StringBuilder sb, Object list, PluginRegistry reg, ProviderKind kind) {
        for (Object item : (List<?>) list) {
            Map<String, Object> m = castMap(item);
            Map.Entry<String, Object> e = m.entrySet().iterator().next();
            Provider p = reg.get(kind.type(), e.getKey());
            sb.append("  - ").append(e.getKey()).append(":  # ").append(p.description()).append('\n');
            keys(sb, "      ", castMap(e.getValue()), p.parameters());
        }
    }

    private static void keys(StringBuilder sb, String indent, Map<String, Object> values, List<Param> declared) {
        for (Param param : declared) {
            Object v = values.get(param.name());
            sb.append(indent).append(v == null ? "# " : "").append(param.name()).append(": ")
                    .append(v == null ? "" : scalar(v)).append("  # ").append(param.description()).append("; ").append(param.allowed()).append('\n');
        }
    }

    private static String comment(Param p) {
        return "# " + p.description() + "; " + p.allowed() + "\n";
    }

    static String scalar(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(InitTemplate::scalar).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s) {
            return s.isEmpty() || s.matches(".*[:#\\[\\]{},&*!|>'\"%@`].*") || s.matches("(true|false|null|~|[-+]?[0-9.eE]+)") ? "\"" + s.replace("\"", "\\\"") + "\"" : s;
        }
        return String.valueOf(v);
    }

    private static String names(PluginRegistry reg, ProviderKind kind) {
        return String.join(", ", reg.all(kind).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o == null ? new LinkedHashMap<>() : (Map<String, Object>) o;
    }
}
