package dev.simclr.eval;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import java.awt.image.BufferedImage;
import java.util.List;

/** Images of a dataset as stored (uint8, before any transform), for pictures, and their captions. */
public final class StoredImages {

    private StoredImages() {}

    /** Image {@code index} for display: grayscale for one channel, RGB for three, the first channel otherwise. */
    public static BufferedImage toRgb(ImageDataset data, int index) {
        ImageShape s = data.shape();
        byte[] px = new byte[s.size()];
        data.copyPixels(index, px, 0);
        int plane = s.height() * s.width();
        boolean rgb = s.channels() == 3;
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int at = y * s.width() + x;
                int r = px[at] & 0xFF;
                int g = rgb ? px[plane + at] & 0xFF : r;
                int b = rgb ? px[2 * plane + at] & 0xFF : r;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** The class name of image {@code index}, or null when it has no label. */
    public static String className(ImageDataset data, int index) {
        int label = data.label(index);
        List<String> names = data.classNames();
        return label >= 0 && label < names.size() ? names.get(label) : null;
    }
}
