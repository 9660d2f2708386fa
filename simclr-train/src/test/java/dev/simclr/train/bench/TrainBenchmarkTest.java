package dev.simclr.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainBenchmarkTest {

    private static final TrainBenchmark.Options TINY =
            new TrainBenchmark.Options("resnet18", "cifar", 0.0625, 4, 8, 3, 2, 1, 1, 1, "per-view", 0, "cpu");

    private static JsonNode lastJsonLine(String printed) throws Exception {
        String[] lines = printed.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private static String run(TrainBenchmark.Options o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, TrainBenchmark.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void endsWithOneJsonLineOfThroughputMemoryAndSettings() throws Exception {
        String printed = run(TINY);
        JsonNode j = lastJsonLine(printed);
        assertEquals("train", j.get("bench").asText());
        assertTrue(j.get("samples_per_s").asDouble() > 0, printed);
        double wait = j.get("data_wait_fraction").asDouble();
        assertTrue(wait >= 0 && wait <= 1, "data wait fraction " + wait);
        assertTrue(j.get("peak_rss_mb").asDouble() > 0, printed);
        assertTrue(j.get("step_s_median").asDouble() > 0, printed);
        assertEquals(4, j.get("batch").asInt());
        assertEquals(2, j.get("steps").asInt());
        assertEquals(4, j.get("pass_size").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertEquals("PyTorch", j.get("engine").asText());
        assertTrue(j.get("engine_version").asText().startsWith("2."), j.toString());
        assertTrue(Double.isFinite(j.get("loss_last").asDouble()), j.toString());
        assertTrue(printed.contains("step 3:"), "the timed steps are those after the warm-up:\n" + printed);
    }

    @Test
    void trainsInBf16WhenAsked() throws Exception {
        TrainBenchmark.Options bf16 = new TrainBenchmark.Options("resnet18", "cifar", 0.0625, 4, 8, 3, 2, 1, 1, 1, "per-view", 0, "cpu", "pytorch",
                "bf16");
        String printed = run(bf16);
        JsonNode j = lastJsonLine(printed);
        assertEquals("bf16", j.get("precision").asText());
        assertTrue(Double.isFinite(j.get("loss_last").asDouble()), j.toString());
        assertTrue(printed.contains("passes of 4 images, bf16"), printed);
    }

    @Test
    void refusesAnUnknownPrecisionNamingTheKey() {
        TrainBenchmark.Options fp8 = new TrainBenchmark.Options("resnet18", "cifar", 0.0625, 4, 8, 3, 1, 0, 1, 1, "per-view", 0, "cpu", "pytorch",
                "fp8");
        Exception e = assertThrows(RuntimeException.class, () -> run(fp8));
        assertTrue(e.getMessage().contains("train.precision"), e.getMessage());
    }

    @Test
    void jointBatchNormWithPassSizeReportsTheImagesPerPass() throws Exception {
        TrainBenchmark.Options o = new TrainBenchmark.Options("resnet18", "cifar", 0.0625, 4, 8, 3, 1, 0, 1, 1, "joint", 2, "cpu");
        assertEquals(2, lastJsonLine(run(o)).get("pass_size").asInt());
        assertEquals(8, new TrainBenchmark.Options("resnet18", "cifar", 1, 4, 8, 3, 1, 0, 1, 1, "joint", 0, "cpu").effectivePassSize());
    }

    @Test
    void unknownEncoderIsRefusedWithTheKnownNames() {
        TrainBenchmark.Options o = new TrainBenchmark.Options("resnet7", "cifar", 1, 4, 8, 3, 1, 0, 1, 1, "per-view", 0, "cpu");
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(o));
        assertTrue(e.getMessage().contains("resnet18"), e.getMessage());
    }

    @Test
    void anUnknownBatchNormModeIsAConfigError() {
        TrainBenchmark.Options o = new TrainBenchmark.Options("resnet18", "cifar", 1, 4, 8, 3, 1, 0, 1, 1, "global", 0, "cpu");
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(o));
        assertTrue(e.getMessage().contains("train.batch-norm"), e.getMessage());
    }
}
