package dev.simclr.data;

/**
 * Resize so the shorter side is {@code size}, then centre-crop to size x size, following
 * torchvision: {@code Resize(size)} sets the longer side to {@code int(size * long / short)};
 * {@code center_crop} puts the window at {@code round((h - size) / 2)} with Python's round half
 * to even. Resampling is bilinear with antialiasing (a triangle filter widened by the scale when
 * shrinking), as PIL's bilinear resize, so large photos shrink without aliasing. Only the pixels
 * inside the crop are computed.
 */
final class ResizeCrop {

    private ResizeCrop() {}

    static ImageDecoder.Decoded apply(float[][] planes, int h, int w, int size) {
        int newH;
        int newW;
        if (h <= w) {
            newH = size;
            newW = (int) ((long) size * w / h);
        } else {
            newW = size;
            newH = (int) ((long) size * h / w);
        }
        int top = (int) Math.rint((newH - size) / 2.0);
        int left = (int) Math.rint((newW - size) / 2.0);
        Filter rows = new Filter(h, newH, top, size);
        Filter cols = new Filter(w, newW, left, size);
        int channels = planes.length;
        byte[] out = new byte[channels * size * size];
        float[] horizontal = new float[h * size];
        for (int c = 0; c < channels; c++) {
            float[] src = planes[c];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < size; x++) {
                    horizontal[y * size + x] = cols.apply(src, y * w, 1, x);
                }
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float v = rows.apply(horizontal, x, size, y);
                    out[(c * size + y) * size + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return new ImageDecoder.Decoded(channels, size, size, out);
    }

    /** Precomputed taps of a 1-D antialiased bilinear resample from {@code in} to {@code out} samples, for outputs [from, from+count). */
    private static final class Filter {
        final int[] start;
        final float[][] weights;

        Filter(int in, int out, int from, int count) {
            double scale = (double) in / out;
            double support = Math.max(1.0, scale);
            start = new int[count];
            weights = new float[count][];
            for (int i = 0; i < count; i++) {
                double centre = (from + i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in, (int) Math.ceil(centre + support));
                double[] wts = new double[hi - lo];
                double sum = 0;
                for (int j = lo; j < hi; j++) {
                    double t = Math.abs((j + 0.5 - centre) / support);
                    double wt = t < 1 ? 1 - t : 0;
                    wts[j - lo] = wt;
                    sum += wt;
                }
                start[i] = lo;
                weights[i] = new float[wts.length];
                for (int j = 0; j < wts.length; j++) {
                    weights[i][j] = (float) (sum > 0 ? wts[j] / sum : 0);
                }
            }
        }

        /** Output sample {@code i} from {@code src[base + k * stride]}. */
        float apply(float[] src, int base, int stride, int i) {
            float[] wt = weights[i];
            int s = start[i];
            float acc = 0;
            for (int k = 0; k < wt.length; k++) {
                acc += wt[k] * src[base + (s + k) * stride];
            }
            return acc;
        }
    }
}
