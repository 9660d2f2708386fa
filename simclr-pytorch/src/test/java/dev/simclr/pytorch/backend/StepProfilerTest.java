package dev.simclr.pytorch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepProfilerTest {

    @TempDir
    Path dir;

    /** Step k multiplies k times, so the trace shows exactly which steps it recorded. */
    private static void steps(StepProfiler profiler, int count) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.ones(new Shape(4, 4));
            for (int step = 1; step <= count; step++) {
                profiler.beforeStep();
                try {
                    for (int i = 0; i < step; i++) {
                        x = x.mul(x);
                    }
                } finally {
                    profiler.afterStep();
                }
            }
        }
    }

    @Test
    void recordsStepsThreeToFiveAsAChromeTrace() throws Exception {
        Path trace = dir.resolve("trace.json");
        steps(new StepProfiler(trace.toString()), 7);
        String json = Files.readString(trace);
        assertTrue(json.strip().startsWith("[") && json.strip().endsWith("]"), "a Chrome trace: a JSON array of events");
        Matcher mul = Pattern.compile("\"name\"\\s*:\\s*\"aten::mul\"").matcher(json);
        int count = 0;
        while (mul.find()) {
            count++;
        }
        assertEquals(3 + 4 + 5, count, "the multiplications of steps 3, 4 and 5, and no others");
    }

    @Test
    void withoutAFileNothingIsRecorded() throws Exception {
        steps(new StepProfiler(null), 6);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
