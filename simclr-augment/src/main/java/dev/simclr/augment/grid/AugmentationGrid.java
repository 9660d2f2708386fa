package dev.simclr.augment.grid;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.Compose;
import dev.simclr.augment.Normalize;
import dev.simclr.augment.pipeline.Transforms;
import dev.simclr.augment.pipeline.ViewRandom;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import dev.simclr.api.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG with one row per image: the original, then its two augmented views as the training pipeline
 * makes them (epoch 0, with the given seed). Normalized views are mapped back to [0, 1] with the
 * last normalize operator's mean and std, then clamped. Small images are enlarged by an integer
 * factor (nearest neighbour) so that each cell is at least 96 pixels wide.
 */
public final class AugmentationGrid {

    private static final int GAP = 4;
    private static final int MIN_CELL = 96;

    private AugmentationGrid() {
    }

    /**
     * Writes the grid of the first {@code n} images (fewer if the dataset is smaller) to {@code out},
     * atomically: a temporary file in the same folder is renamed over the target.
     */
    public static void write(ImageDataset data, List<Augmentation> ops, int n, long seed, Path out) {
        int rows = Math.min(n, data.size());
        if (rows <= 0) {
            throw new IllegalArgumentException("augmentation grid needs at least one image, got n=" + n
                    + " for " + data.description() + " (" + data.size() + " images)");
        }
        List<Augmentation> flat = Compose.flatten(ops);
        ImageShape in = data.shape();
        ImageShape view = Transforms.outputShape(flat, in);
        Normalize norm = lastNormalize(flat);
        int cellH = Math.max(in.height(), view.height());
        int cellW = Math.max(in.width(), view.width());
        int zoom = Math.max(1, (MIN_CELL + cellW - 1) / cellW);
        int cw = cellW * zoom;
        int ch = cellH * zoom;
        BufferedImage canvas = new BufferedImage(GAP + 3 * (cw + GAP), GAP + rows * (ch + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.dispose();
        byte[] px = new byte[in.size()];
        for (int r = 0; r < rows; r++) {
            data.copyPixels(r, px, 0);
            int y = GAP + r * (ch + GAP);
            paint(canvas, FloatImage.fromBytes(in, px, 0), null, zoom, GAP, y);
            for (int v = 0; v < 2; v++) {
                FloatImage img = FloatImage.fromBytes(in, px, 0);
                FloatImage aug = Transforms.apply(flat, img, ViewRandom.forView(seed, 0, r, v));
                paint(canvas, aug, norm, zoom, GAP + (v + 1) * (cw + GAP), y);
            }
        }
        writeAtomically(canvas, out);
    }

    private static Normalize lastNormalize(List<Augmentation> ops) {
        Normalize found = null;
        for (Augmentation op : ops) {
            if (op instanceof Normalize nz) {
                found = nz;
            }
        }
        return found;
    }

    private static void paint(BufferedImage canvas, FloatImage img, Normalize norm, int zoom, int x0, int y0) {
        int h = img.height();
        int w = img.width();
        int c = img.channels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    int channel = c == 1 ? 0 : Math.min(k, c - 1);
                    float v = img.get(channel, y, x);
                    if (norm != null) {
                        v = v * norm.std(channel) + norm.mean(channel);
                    }
                    int b = Math.round(Math.min(Math.max(v, 0f), 1f) * 255f);
                    rgb = (rgb << 8) | b;
                }
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        canvas.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
                    }
                }
            }
        }
    }

    private static void writeAtomically(BufferedImage image, Path out) {
        try {
            AtomicFiles.write(out, o -> {
                if (!ImageIO.write(image, "png", o)) {
                    throw new IOException("no PNG writer available in this Java runtime");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the augmentation grid to " + out + ": " + e.getMessage(), e);
        }
    }
}
