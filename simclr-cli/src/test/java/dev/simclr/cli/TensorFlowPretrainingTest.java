package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backend: tensorflow} pre-trains the same run file: the encoder it trains beats its own
 * random initialisation in a linear probe, the run re-evaluated on PyTorch gives the same probe,
 * and a TensorFlow run killed with SIGKILL and resumed gives the uninterrupted run's losses; its
 * checkpoint also resumes on PyTorch.
 */
class TensorFlowPretrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link EndToEndRunTest}'s tiny Fashion-MNIST run, on TensorFlow with one thread (reruns are bit-identical). */
    private static final String TINY = EndToEndRunTest.TINY.replace("backend: {name: pytorch, device: cpu, threads: 2}",
            "backend: {name: tensorflow, device: cpu, threads: 1}").replace("train: {epochs: 4,", "train: {epochs: 12,");

    /** Small enough for a test, long enough (24 steps, a checkpoint every 3) that a kill lands inside the run. */
    private static final String KILLED = """
            seed: 5
            backend: {name: tensorflow, device: cpu, threads: 1}
            data:
              train: {name: fashion-mnist, split: train, limit: 64}
            augment:
              - random-resized-crop: {size: 8, scale: [0.3, 1.0]}
              - horizontal-flip: {p: 0.5}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, layers: 2, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train: {epochs: 3, batch-size: 8, optimizer: lars, lr: 0.3, log-every: 1, workers: 1, checkpoint-every-steps: 3}
            evaluate: []
            """;

    @Test
    void aTensorFlowRunBeatsItsRandomInitAndReevaluatesOnPyTorchWithTheSameProbe(@TempDir Path dir) throws IOException {
        assertTrue(TINY.contains("name: tensorflow"), "the run file switched engines");
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("run", Files.writeString(dir.resolve("tiny.yaml"), TINY).toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("backend:    tensorflow"), r.out());
        JsonNode results = JSON.readTree(run.resolve("results.json").toFile());
        double trained = results.path("linear-probe").path("top1").asDouble();
        double random = results.path("linear-probe@random-init").path("top1").asDouble();
        assertTrue(trained > random, "pre-training on TensorFlow should beat the random-init probe: " + trained + " vs " + random);

        CliRunner eval = CliRunner.run("evaluate", run.toString(), "--backend-opt", "name=pytorch");
        assertEquals(0, eval.exitCode(), eval.toString());
        JsonNode onPyTorch = JSON.readTree(onlyEvaluation(run).resolve("results.json").toFile());
        assertEquals(trained, onPyTorch.path("linear-probe").path("top1").asDouble(), 0.005, "linear probe re-evaluated on pytorch");
    }

    @Test
    void aTensorFlowRunKilledWithSigkillAndResumedGivesTheUninterruptedLosses(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("killed.yaml"), KILLED);
        Path uninterrupted = dir.resolve("uninterrupted");
        CliRunner whole = CliRunner.run("run", config.toString(), "--out", uninterrupted.toString());
        assertEquals(0, whole.exitCode(), whole.toString());
        Map<Long, Double> reference = stepLosses(uninterrupted);
        assertEquals(24, reference.size());

        Path killed = dir.resolve("killed");
        Process child = startChild(dir, "run", config.toString(), "--out", killed.toString());
        waitForStep(child, dir, killed, 7);
        assertTrue(child.isAlive(), "the run ended before the kill");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(killed.resolve("results.json")), "the kill landed inside the run");
        Path onPyTorch = copy(killed, dir.resolve("resumed-on-pytorch"));

        CliRunner resumed = CliRunner.run("run", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.toString());
        Map<Long, Double> losses = stepLosses(killed);
        assertEquals(reference.keySet(), losses.keySet());
        reference.forEach((step, loss) -> assertEquals(loss, losses.get(step), 1e-5, "loss of step " + step));

        // the same checkpoint resumed on the other engine: the first step after it sees the same parameters
        CliRunner other = CliRunner.run("run", "--resume", onPyTorch.toString(), "--set", "backend.name=pytorch");
        assertEquals(0, other.exitCode(), other.toString());
        long first = firstStepAfterResume(onPyTorch);
        assertEquals(reference.get(first), stepLosses(onPyTorch).get(first), 1e-4, "loss of step " + first + ", resumed on pytorch");
    }

    private static long firstStepAfterResume(Path run) throws IOException {
        boolean resumed = false;
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            resumed |= "resume".equals(n.path("type").asText());
            if (resumed && "step".equals(n.path("type").asText())) {
                return n.path("step").asLong();
            }
        }
        throw new AssertionError(run + " logged no step after a resume");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
        return to;
    }

    /** The last logged loss of each step (a resumed run logs again the steps after its checkpoint). */
    private static Map<Long, Double> stepLosses(Path run) throws IOException {
        Map<Long, Double> out = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if ("step".equals(n.path("type").asText())) {
                out.put(n.path("step").asLong(), n.path("loss").asDouble());
            }
        }
        return out;
    }

    private static Path onlyEvaluation(Path run) throws IOException {
        try (var dirs = Files.list(run.resolve("evaluations"))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    /** The command line in a JVM of its own, so that it can be killed with SIGKILL. */
    private static Process startChild(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Xmx1g", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
    }

    private static void waitForStep(Process child, Path dir, Path run, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(run.resolve("metrics.jsonl")) || stepLosses(run).keySet().stream().noneMatch(s -> s >= step)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("the child did not reach step " + step + ":\n" + Files.readString(dir.resolve("child.out")));
            }
            Thread.sleep(5);
        }
    }
}
