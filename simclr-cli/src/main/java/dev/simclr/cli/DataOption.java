package dev.simclr.cli;

import dev.simclr.train.config.ConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --data NAME --data-opt key=value...}: a dataset named on the command line. */
final class DataOption {

    @Option(names = "--data", paramLabel = "NAME", description = "dataset provider name, e.g. fashion-mnist, idx, cifar10, image-folder")
    String name;

    @Option(names = "--data-opt", paramLabel = "KEY=VALUE", description = "a dataset setting, e.g. split=test or path=/data/x (repeatable)")
    List<String> options = new ArrayList<>();

    boolean given() {
        return name != null;
    }

    /** Replaces {@code data.<role>} of a raw config tree with this dataset. */
    @SuppressWarnings("unchecked")
    void applyTo(Map<String, Object> tree, String role) {
        Map<String, Object> data = (Map<String, Object>) tree.computeIfAbsent("data", k -> new LinkedHashMap<String, Object>());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        data.put(role, spec);
        List<String> sets = new ArrayList<>();
        for (String o : options) {
            sets.add("data." + role + "." + o);
        }
        ConfigLoader.applyOverrides(tree, sets);
    }
}
