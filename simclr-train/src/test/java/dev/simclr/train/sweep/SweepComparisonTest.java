package dev.simclr.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepComparisonTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private final SweepGrid grid = SweepGrid.parse(List.of("loss.temperature=0.1,0.2,0.5"));

    /** Three runs: two with results (the second better), one that failed before any. */
    private List<Sweep.Planned> sweepWithResults() throws Exception {
        List<Sweep.Planned> plan = new ArrayList<>();
        SweepState state = SweepState.open(dir, grid);
        double[] probe = {0.61, 0.72, Double.NaN};
        for (int i = 0; i < 3; i++) {
            SweepPoint p = SweepPoint.of(grid).get(i);
            Path run = Files.createDirectories(dir.resolve(p.name()));
            if (!Double.isNaN(probe[i])) {
                Files.writeString(run.resolve("results.json"), "{\"linear-probe\":{\"top1\":" + probe[i] + ",\"top1_ci\":[0.5,0.8]},"
                        + "\"knn\":{\"top1\":0.4}}");
                Files.writeString(run.resolve("metrics.jsonl"), "{\"type\":\"step\",\"step\":1,\"loss\":5.0}\n{\"type\":\"step\",\"step\":2,\"loss\":4.0}\n");
                state.record(p, SweepState.Status.FINISHED, 12.5 + i, null);
            } else {
                state.record(p, SweepState.Status.FAILED, 3, "the loss is NaN at step 7");
            }
            plan.add(new Sweep.Planned(p, run, null, Sweep.Action.RUN));
        }
        return plan;
    }

    @Test
    void rowsAreSortedBestFirstWithIntervalsAndRunsWithoutResultsLast() throws Exception {
        List<Sweep.Planned> plan = sweepWithResults();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SweepComparison.write(grid, dir, plan, new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode runs = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile()).path("runs");
        assertEquals(List.of("temperature-0.2", "temperature-0.1", "temperature-0.5"),
                List.of(runs.get(0).path("run").asText(), runs.get(1).path("run").asText(), runs.get(2).path("run").asText()));
        assertEquals(0.72, runs.get(0).path("linear_probe_top1").asDouble(), 0.0);
        assertEquals(0.5, runs.get(0).path("linear_probe_top1_ci").get(0).asDouble(), 0.0);
        assertTrue(runs.get(0).path("knn_top1_ci").isMissingNode(), "no interval where results.json has none");
        assertEquals(13.5, runs.get(0).path("wall_seconds").asDouble(), 0.0);
        assertEquals("failed", runs.get(2).path("status").asText());
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("72.00%") && text.contains("[50.00, 80.00]") && text.contains("13.5s"), text);
        assertEquals(text.substring(0, text.indexOf("comparison: ")).strip(), Files.readString(dir.resolve("comparison.txt")).strip());
        String html = Files.readString(dir.resolve("comparison.html"));
        assertTrue(html.contains("the loss is NaN at step 7"), "a failure's message is shown");
        assertEquals(2, html.split("src=\"data:image/png;base64,", -1).length - 1, "a loss thumbnail for each run with a log");
    }

    @Test
    void aSweepFolderOfAnotherGridIsRefused() throws Exception {
        sweepWithResults();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SweepState.open(dir, SweepGrid.parse(List.of("loss.temperature=0.1,0.2"))));
        assertTrue(e.getMessage().contains("holds a sweep over another grid") && e.getMessage().contains("--out DIR"), e.getMessage());
    }

    @Test
    void comparisonPageRendersInHeadlessChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM);
        SweepComparison.write(grid, dir, sweepWithResults(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path dump = dir.resolve("dom.html");
        Process proc = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--dump-dom", dir.resolve("comparison.html").toUri().toString())
                .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        String dom = Files.readString(dump);
        assertTrue(dom.contains("<table id=\"comparison\">"), dom.substring(0, Math.min(400, dom.length())));
        assertTrue(dom.indexOf("temperature-0.2") < dom.indexOf("temperature-0.1"), "best first in the rendered table");
    }
}
