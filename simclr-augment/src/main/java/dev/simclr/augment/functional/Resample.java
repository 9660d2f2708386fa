package dev.simclr.augment.functional;

/**
 * Crop and bilinear resize of float32 CHW images: torchvision 0.14 {@code functional.resized_crop}
 * (functional.py 594-634) followed, for evaluation, by an optional centre window of the resized
 * image ({@code CenterCrop}). Resizing is {@code torch.nn.functional.interpolate(mode="bilinear",
 * align_corners=False)} with or without antialias; the tensor default in torchvision 0.14 is without
 * ({@code functional_tensor.resize}: {@code antialias=None} means False).
 */
public final class Resample {

    private static final class Scratch {
        final AxisWeights rows = new AxisWeights();
        final AxisWeights cols = new AxisWeights();
        float[] temp = new float[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Resample() {
    }

    /**
     * {@code resized_crop(img, top, left, cropH, cropW, [outH, outW])} into {@code dst}.
     */
    public static void resizedCrop(float[] src, int channels, int srcH, int srcW,
                                   int top, int left, int cropH, int cropW,
                                   int outH, int outW, boolean antialias, float[] dst) {
        resizedCropWindow(src, channels, srcH, srcW, top, left, cropH, cropW, outH, outW, 0, 0, outH, outW, antialias, dst);
    }

    /**
     * Crops {@code (top, left, cropH, cropW)}, resizes the crop to {@code resizedH x resizedW}, and
     * writes the window {@code (winTop, winLeft, winH, winW)} of the resized image into {@code dst};
     * only the window is computed. A crop already of the resized size is copied unchanged, as
     * torchvision's {@code resize} returns such an image untouched (functional.py 467-468).
     */
    public static void resizedCropWindow(float[] src, int channels, int srcH, int srcW,
                                         int top, int left, int cropH, int cropW,
                                         int resizedH, int resizedW,
                                         int winTop, int winLeft, int winH, int winW,
                                         boolean antialias, float[] dst) {
        if (top < 0 || left < 0 || cropH <= 0 || cropW <= 0 || top + cropH > srcH || left + cropW > srcW) {
            throw new IllegalArgumentException("crop (top " + top + ", left " + left + ", " + cropH + "x" + cropW
                    + ") does not fit an image of " + srcH + "x" + srcW);
        }
        if (cropH == resizedH && cropW == resizedW) {
            copyWindow(src, channels, srcH, srcW, top + winTop, left + winLeft, winH, winW, dst);
            return;
        }
        Scratch s = SCRATCH.get();
        if (antialias) {
            s.rows.antialiased(cropH, resizedH, winTop, winH, top);
            s.cols.antialiased(cropW, resizedW, winLeft, winW, left);
            separable(src, channels, srcH, srcW, top, cropH, winH, winW, s, dst);
        } else {
            s.rows.bilinear(cropH, resizedH, winTop, winH, top);
            s.cols.bilinear(cropW, resizedW, winLeft, winW, left);
            bilinear(src, channels, srcH, srcW, winH, winW, s.rows, s.cols, dst);
        }
    }

    /**
     * ATen's {@code basic_loop} for two-tap interpolation: width inside, height outside,
     * {@code (p00 wx0 + p01 wx1) wy0 + (p10 wx0 + p11 wx1) wy1}.
     */
    private static void bilinear(float[] src, int channels, int srcH, int srcW, int outH, int outW,
                                 AxisWeights rows, AxisWeights cols, float[] dst) {
        int[] x0 = cols.index0;
        int[] x1 = cols.index1;
        float[] wx = cols.weights;
        int srcPlane = srcH * srcW;
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * srcPlane;
            for (int y = 0; y < outH; y++) {
                int r0 = plane + rows.index0[y] * srcW;
                int r1 = plane + rows.index1[y] * srcW;
                float wy0 = rows.weights[2 * y];
                float wy1 = rows.weights[2 * y + 1];
                for (int x = 0; x < outW; x++) {
                    float a = wx[2 * x];
                    float b = wx[2 * x + 1];
                    float top = src[r0 + x0[x]] * a + src[r0 + x1[x]] * b;
                    float bottom = src[r1 + x0[x]] * a + src[r1 + x1[x]] * b;
                    dst[o++] = top * wy0 + bottom * wy1;
                }
            }
        }
    }

    /**
     * ATen's separable antialiased resampling: the width pass first into a temporary, then the height
     * pass, each a running sum {@code w0 p0 + w1 p1 + ...}.
     */
    private static void separable(float[] src, int channels, int srcH, int srcW, int top, int cropH,
                                  int outH, int outW, Scratch s, float[] dst) {
        AxisWeights cols = s.cols;
        AxisWeights rows = s.rows;
        int tempSize = channels * cropH * outW;
        if (s.temp.length < tempSize) {
            s.temp = new float[tempSize];
        }
        float[] temp = s.temp;
        int srcPlane = srcH * srcW;
        int ct = cols.taps;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < cropH; y++) {
                int row = c * srcPlane + (top + y) * srcW;
                int t = (c * cropH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    int start = row + cols.index0[x];
                    int n = cols.index1[x];
                    int wb = x * ct;
                    float acc = src[start] * cols.weights[wb];
                    for (int j = 1; j < n; j++) {
                        acc += src[start + j] * cols.weights[wb + j];
                    }
                    temp[t + x] = acc;
                }
            }
        }
        int rt = rows.taps;
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * cropH * outW;
            for (int y = 0; y < outH; y++) {
                int start = plane + (rows.index0[y] - top) * outW;
                int n = rows.index1[y];
                int wb = y * rt;
                for (int x = 0; x < outW; x++) {
                    float acc = temp[start + x] * rows.weights[wb];
                    for (int j = 1; j < n; j++) {
                        acc += temp[start + j * outW + x] * rows.weights[wb + j];
                    }
                    dst[o++] = acc;
                }
            }
        }
    }

    private static void copyWindow(float[] src, int channels, int srcH, int srcW, int top, int left, int h, int w, float[] dst) {
        int o = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (c * srcH + top + y) * srcW + left, dst, o, w);
                o += w;
            }
        }
    }
}
