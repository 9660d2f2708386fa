package dev.simclr.train.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.train.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference side of {@code simclr bench data}: the SimCLR tutorial's data pipeline
 * (torchvision {@code ImageFolder} with its two-view transform, a {@code DataLoader} with worker
 * processes) run by a Python with torch and torchvision on the same folder; the script is shipped
 * in this jar ({@code reference_data_pipeline.py}) and prints one JSON line.
 */
final class ReferencePipeline {

    private static final String SCRIPT = "reference_data_pipeline.py";

    private ReferencePipeline() {}

    static DataBenchmark.Side run(DataBenchmark.Options o, PrintStream out) throws IOException, InterruptedException {
        Path script = Files.createTempFile("simclr-bench-data-", ".py");
        try {
            try (InputStream in = ReferencePipeline.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is missing from the simclr-train jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>(List.of(o.python(), script.toString(), o.folder().toString(), "--size",
                    Integer.toString(o.size()), "--batch", Integer.toString(o.batch()), "--workers", Integer.toString(o.workers())));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            // the launcher may preload tcmalloc for the engine; the reference runs as Python does by itself
            pb.environment().remove("LD_PRELOAD");
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            String last = stdout.strip().lines().reduce((a, b) -> b).orElse("");
            if (rc != 0 || !last.startsWith("{")) {
                throw new IOException("the reference pipeline (" + String.join(" ", cmd) + ") exited with " + rc
                        + "; it needs torch and torchvision in " + o.python() + " (or pass --python none to skip it)."
                        + " Its output: " + stdout.strip());
            }
            JsonNode r = Json.mapper().readTree(last);
            double rss = r.path("peak_rss_main_mb").asDouble() + o.workers() * r.path("peak_rss_largest_worker_mb").asDouble();
            return new DataBenchmark.Side(r.path("pipeline").asText() + " (torch " + r.path("torch").asText() + ")",
                    r.path("images").asInt(), r.path("seconds").asDouble(), r.path("cpu_seconds").asDouble(), rss, o.workers());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The 1-minute load average (Linux), so a result says how busy the machine was; NaN elsewhere. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
