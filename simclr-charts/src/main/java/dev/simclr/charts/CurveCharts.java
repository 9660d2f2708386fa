package dev.simclr.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves of a training log, as PNG: loss and learning rate (steps on the x axis when the log has
 * them, epochs otherwise) and the kNN accuracy monitored during training.
 */
public final class CurveCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;

    private CurveCharts() {}

    /** The loss chart, or null when no line has a loss. */
    public static byte[] loss(TrainingLog log) throws IOException {
        boolean bySteps = hasX(log.steps(), TrainingLog.Point::step);
        XYSeriesCollection data = new XYSeriesCollection();
        if (bySteps) {
            add(data, "loss per step", log.steps(), TrainingLog.Point::step, TrainingLog.Point::value);
            // epoch lines sit at their step when they carry one
            add(data, "mean loss per epoch", log.epochs(), TrainingLog.Point::step, TrainingLog.Point::value);
        } else {
            add(data, "mean loss per epoch", log.epochs(), TrainingLog.Point::epoch, TrainingLog.Point::value);
        }
        return data.getSeriesCount() == 0 ? null : render("Contrastive loss (NT-Xent)", bySteps ? "step" : "epoch", "loss", data, false);
    }

    /** The learning-rate chart, or null when no line has a learning rate. */
    public static byte[] learningRate(TrainingLog log) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        if (hasX(log.steps(), TrainingLog.Point::step)) {
            add(data, "learning rate", log.steps(), TrainingLog.Point::step, TrainingLog.Point::lr);
            return data.getSeriesCount() == 0 ? null : render("Learning rate", "step", "lr", data, true);
        }
        add(data, "learning rate", log.epochs(), TrainingLog.Point::epoch, TrainingLog.Point::lr);
        return data.getSeriesCount() == 0 ? null : render("Learning rate", "epoch", "lr", data, true);
    }

    /** The kNN top-1 during training, per epoch, or null when the run did not monitor it. */
    public static byte[] knn(TrainingLog log) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        // epochs count from 0 in the log; people count them from 1
        add(data, "kNN top-1 (%)", log.knn(), p -> p.epoch() + 1, p -> 100 * p.value());
        return data.getSeriesCount() == 0 ? null : render("kNN accuracy during training", "epoch", "top-1 (%)", data, false);
    }

    private static boolean hasX(List<TrainingLog.Point> points, ToDoubleFunction<TrainingLog.Point> x) {
        return points.stream().anyMatch(p -> !Double.isNaN(x.applyAsDouble(p)));
    }

    private static void add(XYSeriesCollection data, String name, List<TrainingLog.Point> points,
            ToDoubleFunction<TrainingLog.Point> x, ToDoubleFunction<TrainingLog.Point> y) {
        XYSeries s = new XYSeries(name, true, true);
        for (TrainingLog.Point p : points) {
            double px = x.applyAsDouble(p);
            double py = y.applyAsDouble(p);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                s.add(px, py);
            }
        }
        if (s.getItemCount() > 0) {
            data.addSeries(s);
        }
    }

    /** @param fromZero whether the y axis starts at 0 (the learning rate: a constant rate reads as a flat line, not noise) */
    private static byte[] render(String title, String xLabel, String yLabel, XYSeriesCollection data, boolean fromZero) throws IOException {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(fromZero);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i, 10));
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.2f : 2.2f));
            if (data.getSeries(i).getItemCount() == 1) {
                renderer.setSeriesShapesVisible(i, true);
            }
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
        return Charts.png(chart, WIDTH, HEIGHT);
    }
}
