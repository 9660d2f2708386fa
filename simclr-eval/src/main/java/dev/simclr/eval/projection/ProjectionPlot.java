package dev.simclr.eval.projection;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.eval.Sampling;
import dev.simclr.charts.Charts;
import dev.simclr.charts.Palette;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Projects the trained encoder's test features on their first two principal components. */
final class ProjectionPlot implements Evaluator {

    static final String FILE = "projection.png";

    private final String name;
    private final int maxPoints;
    private final int width;
    private final int height;

    ProjectionPlot(String name, int maxPoints, int width, int height) {
        this.name = name;
        this.maxPoints = maxPoints;
        this.width = width;
        this.height = height;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Features f = ctx.features(DataSplit.TEST, FeatureSource.TRAINED);
        int[] rows = Sampling.indices(f.count(), maxPoints, ctx.seed());
        int d = f.dim();
        float[] x = new float[rows.length * d];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(f.data(), rows[i] * d, x, i * d, d);
            labels[i] = f.labels()[rows[i]];
        }
        Pca pca;
        try (NDManager m = ctx.backend().newManager()) {
            pca = Pca.fit(m, x, rows.length, d, 2, ctx.seed());
        }
        double[] xy = pca.project(x, rows.length);
        int comps = pca.components().length;
        List<String> classNames = ctx.data(DataSplit.TEST).classNames();
        JFreeChart chart = chart(xy, comps, labels, classNames, pca, f.count(), rows.length);
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> Charts.writePng(out, chart, width, height));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("explained_variance_pc1", pca.explained(0));
        metrics.put("explained_variance_pc2", comps > 1 ? pca.explained(1) : 0.0);
        metrics.put("points", rows.length);
        ctx.log(String.format("%s: %d test features on 2 principal components (%.1f%% + %.1f%% of variance) in %s", name,
                rows.length, 100 * pca.explained(0), comps > 1 ? 100 * pca.explained(1) : 0.0, FILE));
        return Map.of(name, metrics);
    }

    private static JFreeChart chart(double[] xy, int comps, int[] labels, List<String> classNames, Pca pca, int total, int shown) {
        int classes = classNames.size();
        XYSeriesCollection data = new XYSeriesCollection();
        List<XYSeries> series = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            XYSeries s = new XYSeries(classNames.get(c), false, true);
            series.add(s);
            data.addSeries(s);
        }
        XYSeries unlabelled = null;
        for (int i = 0; i < labels.length; i++) {
            double px = xy[i * comps];
            double py = comps > 1 ? xy[i * comps + 1] : 0.0;
            int label = labels[i];
            if (label >= 0 && label < classes) {
                series.get(label).add(px, py);
            } else {
                if (unlabelled == null) {
                    unlabelled = new XYSeries("unlabelled", false, true);
                    data.addSeries(unlabelled);
                }
                unlabelled.add(px, py);
            }
        }
        NumberAxis xAxis = new NumberAxis(String.format("PC 1 (%.1f%% of variance)", 100 * pca.explained(0)));
        NumberAxis yAxis = new NumberAxis(String.format("PC 2 (%.1f%% of variance)", comps > 1 ? 100 * pca.explained(1) : 0.0));
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-2, -2, 4, 4);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, dot);
            renderer.setSeriesPaint(s, s < classes ? Palette.color(s, classes) : java.awt.Color.GRAY);
            renderer.setSeriesStroke(s, new BasicStroke(0f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new java.awt.Color(0xDDDDDD));
        String title = shown < total
                ? "Test features, PCA (" + shown + " of " + total + " images)"
                : "Test features, PCA (" + total + " images)";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        return chart;
    }
}
