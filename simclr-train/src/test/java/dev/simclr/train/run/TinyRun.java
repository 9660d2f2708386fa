package dev.simclr.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.Provider;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import dev.simclr.api.DjlRuntime;
import dev.simclr.train.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A pre-training run small enough for a unit test: ResNet-18 at width 1/16 on 8x8 crops of 64
 * Fashion-MNIST images, 8 steps per epoch, 3 epochs, one engine thread (for bit-identical reruns).
 */
final class TinyRun {

    static final String YAML = """
            seed: 11
            backend: {name: pytorch, device: cpu, threads: 1}
            data:
              train: {name: fashion-mnist, split: train, limit: 64}
            augment:
              - random-resized-crop: {size: 8, scale: [0.3, 1.0]}
              - horizontal-flip: {p: 0.5}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, layers: 2, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train:
              epochs: 3
              batch-size: 8
              optimizer: adam
              lr: 0.01
              schedule: warmup-cosine
              warmup-epochs: 1
              log-every: 1
              workers: 1
              checkpoint-every-steps: 5
              keep-checkpoints: 2
            evaluate: []
            """;

    static final int TOTAL_STEPS = 24;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyRun() {}

    static PluginRegistry registry() {
        DjlRuntime.configureOffline();
        return PluginRegistry.load(TinyRun.class.getClassLoader());
    }

    /** The built-in providers plus {@code extra} (test providers). */
    static PluginRegistry registryWith(Provider... extra) {
        DjlRuntime.configureOffline();
        List<Provider> all = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            ServiceLoader.load(kind.type(), TinyRun.class.getClassLoader()).forEach(all::add);
        }
        all.addAll(List.of(extra));
        return PluginRegistry.of(all);
    }

    static RunConfig config(RunOrchestrator orchestrator, List<String> overrides) throws IOException {
        Map<String, Object> tree = ConfigLoader.parse(new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)), "tiny run");
        ConfigLoader.applyOverrides(tree, overrides);
        return orchestrator.validate(tree);
    }

    static RunOrchestrator orchestrator(PrintStream out) {
        return new RunOrchestrator(registry(), out, false);
    }

    /** Loss per step in metrics.jsonl, the later line winning for a step logged twice. */
    static Map<Long, Double> stepLosses(Path runDir) throws IOException {
        Map<Long, Double> out = new TreeMap<>();
        for (JsonNode n : lines(runDir)) {
            if ("step".equals(n.path("type").asText())) {
                out.put(n.path("step").asLong(), n.path("loss").asDouble());
            }
        }
        return out;
    }

    static List<JsonNode> lines(Path runDir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(RunFolder.METRICS))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** The highest step logged so far, or -1 (tolerates a line being written). */
    static long lastLoggedStep(Path runDir) {
        long last = -1;
        try {
            for (String line : Files.readAllLines(runDir.resolve(RunFolder.METRICS))) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if ("step".equals(n.path("type").asText())) {
                        last = Math.max(last, n.path("step").asLong());
                    }
                } catch (IOException partial) {
                    // the line being written
                }
            }
        } catch (IOException notYet) {
            return -1;
        }
        return last;
    }
}
