package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.checkpoint.TrainingState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed mid-epoch and resumed from its last checkpoint computes exactly the losses of the
 * same run left alone: the checkpoint holds everything the rest of the run depends on.
 */
class ResumeTest {

    private static final long KILL_AT = 13;

    @TempDir
    static Path shared;

    private static Map<Long, Double> reference;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        Path dir = shared.resolve("uninterrupted");
        RunOrchestrator o = TinyRun.orchestrator(quiet());
        o.run(TinyRun.config(o, List.of()), dir, false);
        reference = TinyRun.stepLosses(dir);
        assertEquals(TinyRun.TOTAL_STEPS, reference.size());
        assertTrue(Files.isRegularFile(dir.resolve(TrainingCurves.LOSS)), "loss.png");
        assertTrue(Files.isRegularFile(dir.resolve(TrainingCurves.LR)), "lr.png");
    }

    @Test
    void runKilledWithSigkillMidEpochAndResumedGivesTheUninterruptedLosses(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("killed");
        Process child = ChildProcess.start(dir, "hold-at", KILL_AT);
        ChildProcess.waitForStep(child, dir, KILL_AT);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);

        CheckpointStore store = new CheckpointStore(dir.resolve(RunFolder.CHECKPOINTS), 2);
        Checkpoint latest = store.latest().orElseThrow();
        TrainingState at = CheckpointStore.readState(latest);
        assertEquals(10, latest.globalStep(), "checkpoints every 5 steps and at the end of each 8-step epoch: 5, 8, 10");
        assertEquals(1, at.epoch());
        assertEquals(2, at.stepInEpoch(), "the checkpoint is in the middle of the second epoch");
        assertEquals(2, store.list().size(), "keep-checkpoints 2");
        assertFalse(Files.exists(dir.resolve("encoder.params")), "the killed run did not finish");

        RunOrchestrator o = TinyRun.orchestrator(quiet());
        o.resume(dir, List.of());

        Map<Long, Double> resumed = TinyRun.stepLosses(dir);
        assertEquals(reference.keySet(), resumed.keySet());
        for (Map.Entry<Long, Double> e : reference.entrySet()) {
            assertEquals(e.getValue(), resumed.get(e.getKey()), 1e-5, "loss of step " + e.getKey());
        }
        List<JsonNode> lines = TinyRun.lines(dir);
        long resumeMarkers = lines.stream().filter(n -> "resume".equals(n.path("type").asText())).count();
        assertEquals(1, resumeMarkers);
        long stepLines = lines.stream().filter(n -> "step".equals(n.path("type").asText())).count();
        assertEquals(TinyRun.TOTAL_STEPS + (KILL_AT + 1 - 10), stepLines, "metrics.jsonl was appended to, not rewritten");
        assertTrue(Files.isRegularFile(dir.resolve("encoder.params")));
    }

    @Test
    void sigtermWritesACheckpointAtTheNextStepBoundaryAndTheRunContinuesFromIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("terminated");
        Process child = ChildProcess.start(dir, "term-at", KILL_AT);
        ChildProcess.waitForStep(child, dir, KILL_AT);
        child.destroy();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the run exits after its checkpoint");
        String output = Files.readString(tmp.resolve("child.out"));
        assertNotEquals(0, child.exitValue(), output);
        assertTrue(output.contains("Continue with: simclr run --resume"), output);

        long logged = TinyRun.lastLoggedStep(dir) + 1;
        Checkpoint latest = new CheckpointStore(dir.resolve(RunFolder.CHECKPOINTS), 2).latest().orElseThrow();
        assertEquals(logged, latest.globalStep(), "the checkpoint is at the boundary after the last step done");

        TinyRun.orchestrator(quiet()).resume(dir, List.of());
        Map<Long, Double> resumed = TinyRun.stepLosses(dir);
        for (Map.Entry<Long, Double> e : reference.entrySet()) {
            assertEquals(e.getValue(), resumed.get(e.getKey()), 1e-5, "loss of step " + e.getKey());
        }
    }

    @Test
    void resumingARunWithoutCheckpointsSaysSo(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(dir.resolve(RunFolder.CONFIG), TinyRun.YAML);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TinyRun.orchestrator(quiet()).resume(dir, List.of()));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

}
