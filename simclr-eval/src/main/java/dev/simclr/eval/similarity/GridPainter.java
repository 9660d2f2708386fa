package dev.simclr.eval.similarity;

import dev.simclr.api.FloatImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the grid: one row per image with the image as stored, its two views, and the cosine
 * similarity of the views' features under them.
 */
final class GridPainter {

    /** One row of the grid. */
    record Row(String caption, FloatImage original, FloatImage view1, FloatImage view2, double similarity) {}

    private static final int PAD = 12;
    private static final int CAPTION = 20;
    private static final int HEADER = 34;


    private GridPainter() {}

    static BufferedImage paint(List<Row> rows, DisplayTransform display, int cell) {
        int width = PAD + cell + 2 * PAD + 2 * cell + PAD / 2 + PAD;
        int rowHeight = cell + CAPTION + PAD;
        int height = HEADER + rows.size() * rowHeight + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            int xOriginal = PAD;
            int xView1 = xOriginal + cell + 2 * PAD;
            int xView2 = xView1 + cell + PAD / 2;
            centred(g, "image", xOriginal, cell, 22);
            centred(g, "two augmented views", xView1, 2 * cell + PAD / 2, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int y = HEADER + r * rowHeight;
                g.drawImage(toRgb(row.original(), DisplayTransform.identity()), xOriginal, y, cell, cell, null);
                g.drawImage(toRgb(row.view1(), display), xView1, y, cell, cell, null);
                g.drawImage(toRgb(row.view2(), display), xView2, y, cell, cell, null);
                g.setColor(Color.DARK_GRAY);
                centred(g, row.caption(), xOriginal, cell, y + cell + 15);
                g.setColor(Color.BLACK);
                centred(g, String.format("cosine similarity %.3f", row.similarity()), xView1, 2 * cell + PAD / 2, y + cell + 15);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void centred(Graphics2D g, String text, int x, int w, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + (w - fm.stringWidth(text)) / 2, baseline);
    }

    /** An image for display: grayscale for one channel, RGB for three, the first channel otherwise. */
    static BufferedImage toRgb(FloatImage image, DisplayTransform display) {
        int h = image.height();
        int w = image.width();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean rgb = image.channels() == 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = byteOf(display.apply(0, image.get(0, y, x)));
                int gr = rgb ? byteOf(display.apply(1, image.get(1, y, x))) : r;
                int b = rgb ? byteOf(display.apply(2, image.get(2, y, x))) : r;
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static int byteOf(float v) {
        return Math.round(v * 255f);
    }
}
