package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.train.run.RunOrchestrator;
import dev.simclr.train.run.RunOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run pre-trained on PyTorch and evaluated again on TensorFlow scores the same. */
class EvaluateOnTensorFlowTest {

    static final String RUN = """
            seed: 11
            backend: {name: pytorch, device: cpu, threads: 2}
            data:
              train: {name: fashion-mnist, split: train, per-class: 24}
              test: {name: fashion-mnist, split: test, per-class: 40}
            augment:
              - random-resized-crop: {size: 20, scale: [0.2, 1.0]}
              - horizontal-flip
              - normalize: {mean: [0.286], std: [0.353]}
            model:
              encoder: {name: resnet18, stem: imagenet, width: 0.125}
              head: {name: mlp, hidden: 32, out: 16}
            train: {epochs: 2, batch-size: 48, lr: 0.003}
            evaluate:
              - linear-probe: {epochs: 40}
              - knn: {k: 20}
            """;

    @Test
    void probeAndKnnOnTensorFlowMatchPyTorchWithinHalfAPoint(@TempDir Path dir) throws Exception {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RunOrchestrator orchestrator = new RunOrchestrator(registry, new PrintStream(log, true, StandardCharsets.UTF_8), false);
        Map<String, Object> tree = ConfigLoader.parse(new ByteArrayInputStream(RUN.getBytes(StandardCharsets.UTF_8)), "test run");
        RunConfig config = orchestrator.validate(tree);
        Path run = dir.resolve("run");
        RunOutcome onPyTorch = orchestrator.run(config, run, false);

        RunOutcome onTensorFlow = orchestrator.evaluate(run, t -> {
            Map<String, Object> backend = new LinkedHashMap<>();
            backend.put("name", "tensorflow");
            t.put("backend", backend);
        });
        String output = log.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("re-evaluating") && output.contains("tensorflow"), output);
        for (String row : List.of("linear-probe", "linear-probe@random-init", "linear-probe@raw-pixels", "knn", "knn@random-init")) {
            double pt = ((Number) onPyTorch.results().get(row).get("top1")).doubleValue();
            double tf = ((Number) onTensorFlow.results().get(row).get("top1")).doubleValue();
            assertEquals(pt, tf, 0.005, row + ": PyTorch " + pt + " vs TensorFlow " + tf + "\n" + output);
        }
    }
}
