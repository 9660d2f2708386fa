package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnMonitorTest {

    @Test
    void knnEveryEpochLogsATop1LinePerEpoch(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("knn");
        RunOrchestrator o = TinyRun.orchestrator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        o.run(TinyRun.config(o, List.of("data.test={name: fashion-mnist, split: test, limit: 40}", "train.epochs=2", "train.knn-every=1")),
                dir, false);
        List<JsonNode> knn = TinyRun.lines(dir).stream().filter(n -> "knn".equals(n.path("type").asText())).toList();
        assertEquals(2, knn.size());
        for (int e = 0; e < 2; e++) {
            assertEquals(e, knn.get(e).path("epoch").asInt());
            double top1 = knn.get(e).path("top1").asDouble(-1);
            assertTrue(top1 >= 0 && top1 <= 1, "top1 " + top1);
        }
    }

    @Test
    void knnWithoutLabelledTestDataIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
        RunOrchestrator o = TinyRun.orchestrator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> o.run(TinyRun.config(o, List.of("train.knn-every=1")), tmp.resolve("r"), false));
        assertTrue(e.getMessage().contains("train.knn-every"), e.getMessage());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("r")), "no run folder was made");
    }
}
