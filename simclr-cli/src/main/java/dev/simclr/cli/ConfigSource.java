package dev.simclr.cli;

import dev.simclr.train.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where a run's config comes from: a YAML file, or the built-in default, plus {@code --set} overrides. */
final class ConfigSource {

    static final String DEFAULT_RESOURCE = "default-run.yaml";

    private ConfigSource() {}

    static Map<String, Object> load(Path file, List<String> overrides) throws IOException {
        Map<String, Object> tree = file == null ? builtInDefault() : ConfigLoader.read(file);
        ConfigLoader.applyOverrides(tree, overrides == null ? List.of() : overrides);
        return tree;
    }

    static Map<String, Object> builtInDefault() throws IOException {
        try (InputStream in = ConfigSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in default config is missing from the distribution");
            }
            return ConfigLoader.parse(in, "built-in default config");
        }
    }
}
