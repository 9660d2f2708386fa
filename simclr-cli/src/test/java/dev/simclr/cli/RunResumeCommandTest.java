package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simclr run --resume RUNDIR}: continues a run with its own config; an existing folder is never overwritten by accident. */
class RunResumeCommandTest {

    private static final String RUN = """
            seed: 5
            backend: {name: pytorch, device: cpu, threads: 1}
            data:
              train: {name: fashion-mnist, split: train, limit: 32}
            augment:
              - random-resized-crop: {size: 8, scale: [0.3, 1.0]}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, layers: 2, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train: {epochs: 1, batch-size: 8, log-every: 1, workers: 1}
            evaluate: []
            """;

    @TempDir
    Path dir;

    @Test
    void resumeContinuesTheRunWithItsConfigAndAppendsToItsMetrics() throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.yaml"), RUN);
        Path runDir = dir.resolve("run");
        Captured first = run("run", config.toString(), "--out", runDir.toString());
        assertEquals(Main.OK, first.code, first.out + first.err);
        long before = Files.readAllLines(runDir.resolve("metrics.jsonl")).size();

        Captured again = run("run", config.toString(), "--out", runDir.toString());
        assertEquals(Main.FAILED, again.code);
        assertTrue(again.err.contains("--resume"), again.err);

        Captured resumed = run("run", "--resume", runDir.toString(), "--set", "train.epochs=2");
        assertEquals(Main.OK, resumed.code, resumed.out + resumed.err);
        assertTrue(resumed.out.contains("resuming:   from checkpoints/step-00000004.ckpt"), resumed.out);
        String metrics = Files.readString(runDir.resolve("metrics.jsonl"));
        assertTrue(metrics.lines().count() > before, "appended");
        assertTrue(metrics.contains("\"step\":7,"), "the second epoch ran: " + metrics);
        assertTrue(Files.readString(runDir.resolve("config.yaml")).contains("epochs: 2"), "config.yaml records the change");
    }

    @Test
    void resumeTakesNoConfigFileOrOutputFolder() throws Exception {
        Captured c = run("run", "x.yaml", "--resume", dir.toString());
        assertEquals(Main.INVALID, c.code, c.out + c.err);
        assertTrue(c.err.contains("--resume continues RUNDIR with its own config.yaml"), c.err);
    }

    private record Captured(int code, String out, String err) {}

    private static Captured run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
