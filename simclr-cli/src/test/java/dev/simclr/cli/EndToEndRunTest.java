package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny SimCLR run through the command line, checked the way a user would check it. */
class EndToEndRunTest {

    /** Tiny but real: Fashion-MNIST subset, ResNet-18 at 1/16 width on 16x16 crops. */
    static final String TINY = """
            seed: 3
            backend: {name: pytorch, device: cpu, threads: 2}
            data:
              train: {name: fashion-mnist, split: train, per-class: 24}
              test: {name: fashion-mnist, split: test, per-class: 10}
            augment:
              - random-resized-crop: {size: 16, scale: [0.2, 1.0]}
              - horizontal-flip
              - color-jitter: {brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1, p: 0.8}
              - normalize: {mean: [0.286], std: [0.353]}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, hidden: 32, out: 16}
            loss: {name: nt-xent, temperature: 0.5}
            train: {epochs: 4, batch-size: 48, lr: 0.003, log-every: 1}
            evaluate:
              - linear-probe: {epochs: 30}
            """;

    @Test
    void tinyRunWritesTheRunFolderAndTheLossFalls(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, TINY);
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.toString());

        for (String f : List.of("config.yaml", "metrics.jsonl", "encoder.params", "network.params", "results.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing; " + r);
        }
        String resolved = Files.readString(run.resolve("config.yaml"));
        assertTrue(resolved.contains("optimizer: adam"), "the resolved config has every default filled in:\n" + resolved);

        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(run.resolve("results.json").toFile());
        for (String row : List.of("linear-probe", "linear-probe@random-init", "linear-probe@raw-pixels")) {
            double top1 = results.path(row).path("top1").asDouble(-1);
            assertTrue(top1 >= 0 && top1 <= 1, row + " top1 must be a fraction, got " + results.path(row));
        }
        assertTrue(r.out().contains("linear-probe@random-init"), "the results table is printed:\n" + r.out());

        List<Double> epochLoss = new ArrayList<>();
        long steps = 0;
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.path("type").asText().equals("epoch")) {
                epochLoss.add(n.path("loss").asDouble());
            } else if (n.path("type").asText().equals("step")) {
                steps++;
                assertTrue(n.has("lr") && n.has("contrastive_top1") && n.has("samples_per_s"), line);
            }
        }
        assertEquals(4, epochLoss.size(), "one line per epoch");
        assertEquals(4 * (240 / 48), steps, "one line per step with log-every 1");
        assertTrue(epochLoss.get(3) < epochLoss.get(0), "loss fell: " + epochLoss);

        // evaluating the finished run again reproduces the probe, in a folder of its own
        CliRunner again = CliRunner.run("evaluate", run.toString());
        assertEquals(0, again.exitCode(), again.toString());
        Path evaluations = run.resolve("evaluations");
        Path first;
        try (var dirs = Files.list(evaluations)) {
            first = dirs.findFirst().orElseThrow();
        }
        JsonNode reevaluated = json.readTree(first.resolve("results.json").toFile());
        for (String row : List.of("linear-probe", "linear-probe@random-init", "linear-probe@raw-pixels")) {
            assertEquals(results.path(row).path("top1").asDouble(), reevaluated.path(row).path("top1").asDouble(), 0.005, row);
        }
        assertEquals(results, json.readTree(run.resolve("results.json").toFile()), "the run's own results are kept");

        // features with labels for Python users
        Path npy = dir.resolve("features.npy");
        CliRunner embed = CliRunner.run("embed", "--checkpoint", run.toString(), "--out", npy.toString());
        assertEquals(0, embed.exitCode(), embed.toString());
        assertTrue(Files.size(npy) > 100 && Files.size(dir.resolve("features-labels.npy")) > 100, embed.toString());
        CliRunner twice = CliRunner.run("embed", "--checkpoint", run.toString(), "--out", npy.toString());
        assertEquals(2, twice.exitCode(), "an existing file is not overwritten without --force: " + twice);
    }

    @Test
    void misspelledKeyIsReportedWithItsPathAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, TINY.replace("epochs: 4", "epocs: 4"));
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("train.epocs: unknown key, did you mean epochs?"), r.toString());
        assertFalse(Files.exists(run), "nothing is written for an invalid config");
    }

    @Test
    void setOverridesAreValidatedLikeTheFile(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, TINY);
        CliRunner r = CliRunner.run("validate", cfg.toString(), "--set", "train.batch-size=1", "--set", "augment[2].color-jitter.hue=0.9");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("train.batch-size: value 1 is out of range"), r.toString());
        assertTrue(r.err().contains("augment[2].color-jitter.hue: value 0.9 is out of range"), r.toString());
        assertEquals(0, CliRunner.run("validate", cfg.toString(), "--set", "train.epochs=2").exitCode());
        CliRunner device = CliRunner.run("validate", cfg.toString(), "--set", "backend.device=gpux");
        assertEquals(2, device.exitCode(), device.toString());
        assertTrue(device.err().contains("backend.device: 'gpux' is not a device; expected cpu, gpu, gpu:N, a list gpu:A,B,... or auto"), device.toString());
    }

    @Test
    void anExistingRunFolderIsNotOverwritten(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, TINY);
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("keep.txt"), "precious");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("already exists and is not empty"), r.toString());
        assertEquals("precious", Files.readString(run.resolve("keep.txt")));
    }
}
