package dev.simclr.cli;

import dev.simclr.train.config.ConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --backend NAME --backend-opt key=value...}: run on another backend than the run's. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "NAME", description = "backend to use instead of the run's, e.g. tensorflow")
    String name;

    @Option(names = "--backend-opt", paramLabel = "KEY=VALUE", description = "a setting of the backend, e.g. device=gpu (repeatable)")
    List<String> options = new ArrayList<>();

    boolean given() {
        return name != null || !options.isEmpty();
    }

    /** Replaces (with --backend) or edits the {@code backend:} section of a raw config tree. */
    void applyTo(Map<String, Object> tree) {
        if (name != null) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", name);
            tree.put("backend", spec);
        }
        List<String> sets = new ArrayList<>();
        for (String o : options) {
            sets.add("backend." + o);
        }
        ConfigLoader.applyOverrides(tree, sets);
    }
}
