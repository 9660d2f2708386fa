package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simclr sweep}: a grid of tiny runs, one comparison, and a sweep that continues where it stopped. */
class SweepCommandTest {

    private static final String TINY = """
            seed: 5
            backend: {name: pytorch, device: cpu, threads: 1}
            data:
              train: {name: fashion-mnist, split: train, per-class: 4}
              test: {name: fashion-mnist, split: test, per-class: 3}
            augment:
              - random-resized-crop: {size: 8, scale: [0.3, 1.0]}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, layers: 2, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train: {epochs: 1, batch-size: 8, log-every: 1, workers: 1}
            evaluate:
              - linear-probe: {epochs: 20, baselines: false}
              - knn: {baselines: false}
              - report
            """;

    private static final String TEMPERATURES = "loss.temperature=0.2,0.5";
    private static final String SCALES = "augment[0].random-resized-crop.scale=[0.2,1.0],[0.5,1.0]";
    private static final List<String> RUNS = List.of("temperature-0.2_scale-0.2-1.0", "temperature-0.2_scale-0.5-1.0",
            "temperature-0.5_scale-0.2-1.0", "temperature-0.5_scale-0.5-1.0");

    @TempDir
    Path dir;

    @Test
    void sweepOverTwoTemperaturesAndTwoCropScalesWritesOneComparisonAndSkipsFinishedRuns() throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path sweep = dir.resolve("sweep");
        CliRunner dry = CliRunner.run("sweep", config.toString(), "--grid", TEMPERATURES, "--grid", SCALES, "--out", sweep.toString(), "--dry-run");
        assertEquals(Main.OK, dry.exitCode(), dry.toString());
        for (String run : RUNS) {
            assertTrue(dry.out().contains(run + ": new; "), dry.out());
        }
        assertFalse(Files.exists(sweep), "a dry run writes nothing");

        CliRunner r = CliRunner.run("sweep", config.toString(), "--grid", TEMPERATURES, "--grid", SCALES, "--out", sweep.toString());
        assertEquals(Main.OK, r.exitCode(), r.toString());
        for (String run : RUNS) {
            String resolved = Files.readString(sweep.resolve(run).resolve("config.yaml"));
            assertTrue(resolved.contains("temperature: " + run.substring(12, 15)), run + ":\n" + resolved);
            assertTrue(Files.isRegularFile(sweep.resolve(run).resolve("report.html")), run);
        }
        JsonNode comparison = new ObjectMapper().readTree(sweep.resolve("comparison.json").toFile());
        JsonNode runs = comparison.path("runs");
        assertEquals(4, runs.size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : runs) {
            double probe = row.path("linear_probe_top1").asDouble(-1);
            assertTrue(probe >= 0 && probe <= previous, "sorted best first: " + runs);
            previous = probe;
            assertEquals(2, row.path("linear_probe_top1_ci").size(), row.toString());
            assertTrue(row.path("knn_top1").isNumber() && row.path("knn_top1_ci").size() == 2, row.toString());
            assertTrue(row.path("wall_seconds").asDouble() > 0 && row.path("status").asText().equals("finished"), row.toString());
            assertEquals(2, row.path("settings").size(), "the two varied settings: " + row);
        }
        String html = Files.readString(sweep.resolve("comparison.html"));
        assertEquals(4, html.split("src=\"data:image/png;base64,", -1).length - 1, "a loss thumbnail per run");
        assertTrue(html.contains("href=\"" + RUNS.get(0) + "/report.html\""), "each run's report is linked");
        assertTrue(Files.readString(sweep.resolve("comparison.txt")).contains("probe top1"));

        FileTime before = Files.getLastModifiedTime(sweep.resolve(RUNS.get(0)).resolve("results.json"));
        CliRunner again = CliRunner.run("sweep", config.toString(), "--grid", TEMPERATURES, "--grid", SCALES, "--out", sweep.toString());
        assertEquals(Main.OK, again.exitCode(), again.toString());
        assertEquals(4, again.out().split("finished, skipped", -1).length - 1 - 4, "listed in the plan and again when skipped: " + again.out());
        assertEquals(before, Files.getLastModifiedTime(sweep.resolve(RUNS.get(0)).resolve("results.json")), "a finished run is not run again");
    }

    @Test
    void anInterruptedRunResumesOneStoppedBeforeItsFirstCheckpointStartsAgainAndAnotherGridIsRefused() throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path sweep = dir.resolve("sweep");
        String[] args = {"sweep", config.toString(), "--grid", TEMPERATURES, "--out", sweep.toString()};
        assertEquals(Main.OK, CliRunner.run(args).exitCode());
        // as if the sweep had been killed during both runs: nothing recorded for them; one had written
        // a checkpoint, the other had not
        ObjectNode state = (ObjectNode) new ObjectMapper().readTree(sweep.resolve("sweep.json").toFile());
        ((ObjectNode) state.path("runs")).removeAll();
        Files.writeString(sweep.resolve("sweep.json"), state.toString());
        deleteTree(sweep.resolve("temperature-0.5").resolve("checkpoints"));

        CliRunner dry = CliRunner.run(append(args, "--dry-run"));
        assertTrue(dry.out().contains("temperature-0.2: resumes from its newest checkpoint"), dry.out());
        assertTrue(dry.out().contains("temperature-0.5: stopped before its first checkpoint, starts again"), dry.out());
        CliRunner r = CliRunner.run(args);
        assertEquals(Main.OK, r.exitCode(), r.toString());
        assertTrue(Files.readString(sweep.resolve("temperature-0.2").resolve("metrics.jsonl")).contains("\"type\":\"resume\""), "resumed");
        assertFalse(Files.readString(sweep.resolve("temperature-0.5").resolve("metrics.jsonl")).contains("\"type\":\"resume\""), "restarted");
        assertEquals(2, new ObjectMapper().readTree(sweep.resolve("comparison.json").toFile()).path("runs").size());

        CliRunner other = CliRunner.run("sweep", config.toString(), "--grid", "loss.temperature=0.1,0.3", "--out", sweep.toString());
        assertEquals(Main.FAILED, other.exitCode(), other.toString());
        assertTrue(other.err().contains("holds a sweep over another grid"), other.err());
    }

    @Test
    void aGridThatCannotBeReadIsAUsageError() {
        CliRunner r = CliRunner.run("sweep", "--grid", "loss.temperature", "--dry-run");
        assertEquals(Main.INVALID, r.exitCode(), r.toString());
        assertTrue(r.err().contains("expected KEY=V1,V2"), r.err());
        CliRunner brackets = CliRunner.run("sweep", "--grid", "augment[0].random-resized-crop.scale=[0.2,1.0", "--dry-run");
        assertEquals(Main.INVALID, brackets.exitCode(), brackets.toString());
        assertTrue(brackets.err().contains("unbalanced brackets"), brackets.err());
    }

    private static String[] append(String[] args, String extra) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(extra);
        return all.toArray(String[]::new);
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
