package dev.simclr.charts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders charts to PNG, off screen. */
public final class Charts {


    private Charts() {}

    public static void writePng(OutputStream out, JFreeChart chart, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.writeChartAsPNG(out, chart, width, height);
    }

    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(out, chart, width, height);
        return out.toByteArray();
    }
}
