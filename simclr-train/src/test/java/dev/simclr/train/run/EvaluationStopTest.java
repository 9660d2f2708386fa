package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while the evaluators run: the results already written stay valid, and the message says how to finish. */
class EvaluationStopTest {

    @Test
    void sigtermDuringEvaluationKeepsTheFinishedResultsAndSaysHowToFinish(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("evaluating");
        Process child = ChildProcess.start(dir, "term-in-eval", 0);
        ChildProcess.waitForOutput(child, dir, "staged: holding");
        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the run exits on SIGTERM");
        String output = ChildProcess.read(ChildProcess.output(dir));

        assertTrue(output.contains("stopped during evaluation: " + dir.resolve(RunFolder.RESULTS)
                + " holds the evaluations that finished (staged)"), output);
        assertTrue(output.contains("evaluate it again with: simclr evaluate " + dir), output);
        JsonNode results = new ObjectMapper().readTree(dir.resolve(RunFolder.RESULTS).toFile());
        assertEquals(List.of("first"), List.copyOf(iterable(results.fieldNames())), results.toString());
        assertEquals(0.25, results.path("first").path("top1").asDouble());
        assertTrue(Files.isRegularFile(dir.resolve(RunFolder.ENCODER)), "the encoder to evaluate again is saved");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary files left");
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
