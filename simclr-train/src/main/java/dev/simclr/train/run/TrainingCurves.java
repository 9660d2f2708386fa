package dev.simclr.train.run;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.simclr.api.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code loss.png} and {@code lr.png} of a run folder, drawn from its {@code metrics.jsonl}. A
 * resumed run repeats the steps between its checkpoint and the moment it was killed; for a step
 * logged twice the later line wins, as for every reader of the log.
 */
public final class TrainingCurves {

    public static final String LOSS = "loss.png";
    public static final String LR = "lr.png";

    private static final int WIDTH = 800;
    private static final int HEIGHT = 360;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private TrainingCurves() {}

    /** Per-step and per-epoch values of a metrics log, later lines replacing earlier ones of the same step or epoch. */
    record Curves(Map<Long, Double> stepLoss, Map<Long, Double> stepLr, Map<Long, Double> epochLoss) {}

    static Curves read(Path metrics) throws IOException {
        Map<Long, Double> loss = new TreeMap<>();
        Map<Long, Double> lr = new TreeMap<>();
        Map<Long, Double> epochs = new TreeMap<>();
        List<String> lines = Files.exists(metrics) ? Files.readAllLines(metrics, StandardCharsets.UTF_8) : List.of();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                continue; // the last line of a killed run may be cut short
            }
            String type = n.path("type").asText();
            if ("step".equals(type)) {
                long step = n.path("step").asLong();
                loss.put(step, n.path("loss").asDouble(Double.NaN));
                lr.put(step, n.path("lr").asDouble(Double.NaN));
            } else if ("epoch".equals(type)) {
                epochs.put(n.path("step").asLong(), n.path("loss").asDouble(Double.NaN));
            }
        }
        return new Curves(loss, lr, epochs);
    }

    /** Writes both charts into the run folder (each atomically); nothing when no step was logged. */
    public static void write(Path runDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Curves c = read(runDir.resolve(RunFolder.METRICS));
        if (c.stepLoss().isEmpty()) {
            return;
        }
        XYSeriesCollection loss = new XYSeriesCollection();
        loss.addSeries(series("loss per logged step", c.stepLoss()));
        if (!c.epochLoss().isEmpty()) {
            loss.addSeries(series("mean loss per epoch", c.epochLoss()));
        }
        png(runDir.resolve(LOSS), "Contrastive loss (NT-Xent)", "loss", loss, false);
        XYSeriesCollection lr = new XYSeriesCollection();
        lr.addSeries(series("learning rate", c.stepLr()));
        // from 0, so that a constant rate reads as a flat line rather than noise around it
        png(runDir.resolve(LR), "Learning rate", "lr", lr, true);
    }

    private static XYSeries series(String name, Map<Long, Double> values) {
        XYSeries s = new XYSeries(name, true, false);
        values.forEach((x, y) -> {
            if (Double.isFinite(y)) {
                s.add(x.doubleValue(), y.doubleValue());
            }
        });
        return s;
    }

    private static void png(Path file, String title, String yLabel, XYSeriesCollection data, boolean fromZero) throws IOException {
        NumberAxis x = new NumberAxis("step");
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(fromZero);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {new Color(0x1F77B4), new Color(0xD62728)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.2f : 2.2f));
            renderer.setSeriesShapesVisible(i, data.getSeries(i).getItemCount() < 3);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
