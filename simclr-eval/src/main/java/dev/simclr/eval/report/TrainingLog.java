package dev.simclr.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The curves of a run's {@code metrics.jsonl}: one JSON object per line, {@code "type": "step"}
 * lines with {@code step}, {@code epoch}, {@code loss}, {@code lr}, and {@code "type": "epoch"}
 * lines. Any field may be missing and unreadable lines are skipped (a run that crashed may have
 * left half a line), so a report can always be drawn.
 *
 * @param steps step lines in file order
 * @param epochs epoch lines in file order
 * @param skipped lines that were not JSON objects
 */
record TrainingLog(List<Point> steps, List<Point> epochs, int skipped) {

    /**
     * One logged line's numbers; NaN where absent.
     *
     * @param step optimizer step
     * @param epoch epoch
     * @param loss loss
     * @param lr learning rate
     */
    record Point(double step, double epoch, double loss, double lr) {}

    static TrainingLog empty() {
        return new TrainingLog(List.of(), List.of(), 0);
    }

    static TrainingLog read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        ObjectMapper json = new ObjectMapper();
        List<Point> steps = new ArrayList<>();
        List<Point> epochs = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    skipped++;
                    continue;
                }
                if (node == null || !node.isObject()) {
                    skipped++;
                    continue;
                }
                Point p = new Point(number(node, "step"), number(node, "epoch"), number(node, "loss"), number(node, "lr"));
                String type = node.path("type").asText("step");
                if ("epoch".equals(type)) {
                    epochs.add(p);
                } else if ("step".equals(type)) {
                    steps.add(p);
                }
            }
        }
        return new TrainingLog(List.copyOf(steps), List.copyOf(epochs), skipped);
    }

    boolean isEmpty() {
        return steps.isEmpty() && epochs.isEmpty();
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
