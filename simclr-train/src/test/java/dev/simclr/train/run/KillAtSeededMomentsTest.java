package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run killed with SIGKILL at ten seeded moments of its second epoch (a step index, then a
 * random delay, so some kills land inside a step or a checkpoint write), resumed after each: the
 * per-step losses are the uninterrupted run's. Before one of the resumes (seeded) the newest
 * checkpoint is damaged: that resume says so, takes the one before it, and the losses still match.
 */
class KillAtSeededMomentsTest {

    private static final long SEED = 20_160_216L;
    private static final int MOMENTS = 10;
    /** The tiny run's second epoch: steps 8 to 15. */
    private static final int EPOCH_START = 8;
    private static final int EPOCH_STEPS = 8;
    /** The longest wait after a step before the kill: a few of the child's paced steps, far from the run's end. */
    private static final int MAX_DELAY_MS = 400;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void tenSigkillsAtSeededMomentsEachResumedGiveTheUninterruptedLosses() throws Exception {
        Path uninterrupted = tmp.resolve("uninterrupted");
        RunOrchestrator o = TinyRun.orchestrator(quiet());
        o.run(TinyRun.config(o, List.of()), uninterrupted, false);
        Map<Long, Double> reference = TinyRun.stepLosses(uninterrupted);
        // a kill must land before the run ends, or the next resume has no step left to reach: the
        // child pauses ChildRun.PACE_MS after each step, so even a wait several times MAX_DELAY_MS
        // (a loaded machine) stays inside the run
        long reach = EPOCH_START + EPOCH_STEPS - 1 + 3 * MAX_DELAY_MS / ChildRun.PACE_MS;
        assertTrue(reach < reference.size(), "kills could land after the run's last step " + reference.size());

        Random rng = new Random(SEED);
        long[] steps = new long[MOMENTS];
        for (int i = 0; i < MOMENTS; i++) {
            steps[i] = EPOCH_START + rng.nextInt(EPOCH_STEPS);
        }
        Arrays.sort(steps);
        int damageBefore = 1 + rng.nextInt(MOMENTS - 1);

        Path dir = tmp.resolve("killed");
        for (int i = 0; i < MOMENTS; i++) {
            if (i == damageBefore) {
                damageNewestCheckpoint(dir);
            }
            int resumesBefore = resumes(dir);
            Process child = ChildProcess.start(dir, i == 0 ? "run" : "resume", 0);
            waitUntilThisProcessLogged(child, dir, i == 0 ? 0 : resumesBefore + 1, steps[i]);
            Thread.sleep(rng.nextInt(MAX_DELAY_MS));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            if (i == damageBefore) {
                String said = ChildProcess.read(ChildProcess.output(dir));
                assertTrue(said.contains("is damaged and is not used") && said.contains("resuming from the one before it"), said);
            }
        }
        TinyRun.orchestrator(quiet()).resume(dir, List.of());

        Map<Long, Double> resumed = TinyRun.stepLosses(dir);
        assertEquals(reference.keySet(), resumed.keySet());
        for (Map.Entry<Long, Double> e : reference.entrySet()) {
            assertEquals(e.getValue(), resumed.get(e.getKey()), 1e-5, "loss of step " + e.getKey() + " (kills after steps "
                    + Arrays.toString(steps) + ", damaged checkpoint before resume " + damageBefore + ")");
        }
    }

    private static void damageNewestCheckpoint(Path dir) throws IOException {
        Checkpoint newest = new CheckpointStore(dir.resolve(RunFolder.CHECKPOINTS), 2).latest().orElseThrow();
        byte[] bytes = Files.readAllBytes(newest.file());
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] ^= (byte) 0xa5;
        }
        Files.write(newest.file(), bytes);
    }

    /**
     * Waits (bounded) until the child has logged {@code step} itself: after the {@code resumes}-th
     * resume marker, so that steps logged by an earlier process do not count.
     */
    private static void waitUntilThisProcessLogged(Process child, Path dir, int resumes, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (resumes(dir) < resumes || lastStepAfterResume(dir, resumes) < step) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("the child did not reach step " + step + ":\n" + ChildProcess.read(ChildProcess.output(dir)));
            }
            Thread.sleep(10);
        }
    }

    private static int resumes(Path dir) throws IOException {
        return (int) lines(dir).stream().filter(n -> "resume".equals(n.path("type").asText())).count();
    }

    private static long lastStepAfterResume(Path dir, int resumes) throws IOException {
        int seen = 0;
        long last = -1;
        for (JsonNode n : lines(dir)) {
            String type = n.path("type").asText();
            seen += "resume".equals(type) ? 1 : 0;
            if (seen == resumes && "step".equals(type)) {
                last = Math.max(last, n.path("step").asLong());
            }
        }
        return last;
    }

    /** The complete lines of metrics.jsonl so far (one being written is left out). */
    private static List<JsonNode> lines(Path dir) throws IOException {
        Path metrics = dir.resolve(RunFolder.METRICS);
        if (!Files.exists(metrics)) {
            return List.of();
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            try {
                out.add(JSON.readTree(line));
            } catch (IOException partial) {
                // the line being written
            }
        }
        return out;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
