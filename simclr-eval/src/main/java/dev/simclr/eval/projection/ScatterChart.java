package dev.simclr.eval.projection;

import dev.simclr.charts.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A 2-D map of points coloured by class, the legend on the right: the one look of every map. */
final class ScatterChart {

    private ScatterChart() {}

    /**
     * @param xy {@code n x 2} map coordinates, row-major
     * @param labels class of each point (-1 or out of range: drawn grey as unlabelled)
     */
    static JFreeChart of(double[] xy, int[] labels, List<String> classNames, String title, String xLabel, String yLabel) {
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
            int label = labels[i];
            if (label >= 0 && label < classes) {
                series.get(label).add(xy[2 * i], xy[2 * i + 1]);
            } else {
                if (unlabelled == null) {
                    unlabelled = new XYSeries("unlabelled", false, true);
                    data.addSeries(unlabelled);
                }
                unlabelled.add(xy[2 * i], xy[2 * i + 1]);
            }
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        NumberAxis yAxis = new NumberAxis(yLabel);
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-2, -2, 4, 4);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, dot);
            renderer.setSeriesPaint(s, s < classes ? Palette.color(s, classes) : Color.GRAY);
            renderer.setSeriesStroke(s, new BasicStroke(0f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        return chart;
    }
}
