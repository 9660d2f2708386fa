package dev.simclr.augment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AugmentBenchmarkTest {

    @Test
    void benchmarkEndsWithAJsonLineOfViewsPerSecondSizeAndThreads() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = AugmentBenchmark.run(16, 2, 300, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        String[] lines = buf.toString(StandardCharsets.UTF_8).trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(16, json.get("size").asInt());
        assertEquals(2, json.get("threads").asInt());
        assertEquals(600, json.get("views").asInt());
        assertTrue(json.get("images_per_s").asDouble() > 0);
    }
}
