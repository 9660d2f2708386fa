package dev.simclr.charts;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The curves of a run's {@code metrics.jsonl}: one JSON object per line; {@code "type":"step"}
 * lines carry {@code step}, {@code epoch}, {@code loss}, {@code lr}; {@code "type":"epoch"} lines
 * an epoch's mean loss; {@code "type":"knn"} lines the kNN top-1 measured during training. Any
 * field may be missing and unreadable lines are skipped (a killed run may have left half a line),
 * so a report can always be drawn. A resumed run logs again the steps between its checkpoint and
 * the moment it stopped: for a step (or epoch) logged twice, the later line wins.
 *
 * @param steps step lines by step, ascending
 * @param epochs epoch lines by epoch, ascending
 * @param knn kNN lines by epoch, ascending
 * @param skipped lines that were not JSON objects
 */
public record TrainingLog(List<Point> steps, List<Point> epochs, List<Point> knn, int skipped) {

    /**
     * One logged line's numbers; NaN where absent.
     *
     * @param step optimizer step
     * @param epoch epoch
     * @param value the loss (step and epoch lines) or top-1 (kNN lines)
     * @param lr learning rate
     */
    public record Point(double step, double epoch, double value, double lr) {}

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public static TrainingLog read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TrainingLog(List.of(), List.of(), List.of(), 0);
        }
        Map<Double, Point> steps = new TreeMap<>();
        Map<Double, Point> epochs = new TreeMap<>();
        Map<Double, Point> knn = new TreeMap<>();
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    skipped++;
                    continue;
                }
                if (node == null || !node.isObject()) {
                    skipped++;
                    continue;
                }
                double step = number(node, "step");
                double epoch = number(node, "epoch");
                switch (node.path("type").asText("")) {
                    case "step" -> put(steps, step, new Point(step, epoch, number(node, "loss"), number(node, "lr")));
                    case "epoch" -> put(epochs, epoch, new Point(step, epoch, number(node, "loss"), number(node, "lr")));
                    case "knn" -> put(knn, epoch, new Point(step, epoch, number(node, "top1"), Double.NaN));
                    default -> { } // resume markers and lines of kinds this report does not draw
                }
            }
        }
        return new TrainingLog(List.copyOf(steps.values()), List.copyOf(epochs.values()), List.copyOf(knn.values()), skipped);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && epochs.isEmpty() && knn.isEmpty();
    }

    private static void put(Map<Double, Point> by, double key, Point p) {
        if (!Double.isNaN(key)) {
            by.put(key, p);
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
