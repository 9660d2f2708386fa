package dev.simclr.eval.knn;

import dev.simclr.api.ImageDataset;
import dev.simclr.eval.StoredImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the nearest-neighbour picture: one row per query test image, then for each
 * representation its k nearest training images, framed green when a neighbour's label is the
 * query's and red when it is not (no frame when either image is unlabelled).
 */
final class NeighbourPainter {

    /** The neighbours of every test image under one representation. */
    record Panel(String heading, Neighbours neighbours) {}

    static final Color RIGHT = new Color(0x1B9E4B);
    static final Color WRONG = new Color(0xD7301F);
    private static final int PAD = 10;
    private static final int GAP = 24;
    private static final int BORDER = 3;
    private static final int CAPTION = 16;
    private static final int HEADER = 30;
    /** Wide enough for the query column's heading at any cell size. */
    private static final int QUERY_COLUMN = 90;

    private NeighbourPainter() {}

    /** @param queries the test images drawn, as rows of the test split (and of the neighbours) */
    static BufferedImage paint(ImageDataset test, int[] queries, ImageDataset train, List<Panel> panels, int cell) {
        int k = panels.isEmpty() ? 0 : panels.get(0).neighbours().k();
        int slot = cell + 2 * BORDER + 4;
        int block = k * slot;
        int query = Math.max(slot, QUERY_COLUMN);
        int width = PAD + query + panels.size() * (GAP + block) + PAD;
        int rowHeight = slot + CAPTION + PAD;
        BufferedImage img = new BufferedImage(width, HEADER + queries.length * rowHeight + PAD, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            centred(g, "test image", PAD, query, 20);
            for (int p = 0; p < panels.size(); p++) {
                centred(g, panels.get(p).heading(), blockX(p, query, block), block, 20);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int q = 0; q < queries.length; q++) {
                int y = HEADER + q * rowHeight;
                int queryLabel = test.label(queries[q]);
                tile(g, StoredImages.toRgb(test, queries[q]), StoredImages.className(test, queries[q]), null, PAD + (query - slot) / 2, y,
                        cell, slot);
                for (int p = 0; p < panels.size(); p++) {
                    Neighbours nb = panels.get(p).neighbours();
                    for (int j = 0; j < nb.k(); j++) {
                        int row = nb.indices()[queries[q] * nb.k() + j];
                        int label = train.label(row);
                        Color frame = queryLabel < 0 || label < 0 ? null : label == queryLabel ? RIGHT : WRONG;
                        tile(g, StoredImages.toRgb(train, row), StoredImages.className(train, row), frame,
                                blockX(p, query, block) + j * slot, y, cell, slot);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int blockX(int panel, int query, int block) {
        return PAD + query + GAP + panel * (GAP + block);
    }

    /** One image in its slot, framed when {@code frame} is given, its class name under it. */
    private static void tile(Graphics2D g, BufferedImage image, String caption, Color frame, int x, int y, int cell, int slot) {
        int ix = x + 2 + BORDER;
        int iy = y + 2 + BORDER;
        if (frame != null) {
            g.setColor(frame);
            g.setStroke(new BasicStroke(BORDER));
            g.drawRect(ix - BORDER + 1, iy - BORDER + 1, cell + BORDER, cell + BORDER);
        }
        g.drawImage(image, ix, iy, cell, cell, null);
        if (caption != null) {
            g.setColor(frame == null ? Color.DARK_GRAY : frame);
            String text = caption;
            FontMetrics fm = g.getFontMetrics();
            while (text.length() > 1 && fm.stringWidth(text) > slot) {
                text = text.substring(0, text.length() - 1);
            }
            centred(g, text, x, slot, y + slot + 11);
        }
    }

    private static void centred(Graphics2D g, String text, int x, int w, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + (w - fm.stringWidth(text)) / 2, baseline);
    }
}
