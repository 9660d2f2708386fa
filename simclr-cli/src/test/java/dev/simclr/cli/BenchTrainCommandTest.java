package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {

    @Test
    void benchTrainPassesItsOptionsToTheBenchmarkAndEndsWithJson() {
        CliRunner r = CliRunner.run("bench", "train", "--width", "0.0625", "--batch", "4", "--size", "8", "--steps", "1",
                "--warmup", "0", "--threads", "1", "--workers", "1", "--batch-norm", "joint", "--pass-size", "4");
        assertEquals(0, r.exitCode(), r.toString());
        String[] lines = r.out().strip().split("\n");
        String json = lines[lines.length - 1];
        assertTrue(json.startsWith("{\"bench\":\"train\""), r.toString());
        assertTrue(json.contains("\"batch\":4") && json.contains("\"pass_size\":4") && json.contains("\"batch_norm\":\"joint\""), json);
    }

    @Test
    void benchTrainRunsOnTheBackendItNames() {
        CliRunner r = CliRunner.run("bench", "train", "--backend", "tensorflow", "--width", "0.0625", "--batch", "4", "--size", "8",
                "--steps", "2", "--warmup", "1", "--threads", "1", "--workers", "1");
        assertEquals(0, r.exitCode(), r.toString());
        String[] lines = r.out().strip().split("\n");
        String json = lines[lines.length - 1];
        assertTrue(json.contains("\"backend\":\"tensorflow\"") && json.contains("\"engine\":\"TensorFlow\""), json);
    }
}
