package dev.simclr.augment.functional;

/**
 * Brightness, contrast, saturation and grayscale on float32 CHW images: torchvision 0.14
 * {@code functional_tensor.adjust_brightness/adjust_contrast/adjust_saturation/rgb_to_grayscale}
 * (lines 150-241) and their common {@code _blend} (264-267).
 */
public final class ColorOps {

    /** ITU-R 601-2 luma weights as torchvision's tensor path uses them (functional_tensor 162). */
    public static final float LUMA_R = 0.2989f;
    public static final float LUMA_G = 0.587f;
    public static final float LUMA_B = 0.114f;

    private ColorOps() {
    }

    /**
     * {@code adjust_brightness}: {@code _blend(img, 0, f)}. The blend's second weight
     * {@code 1.0 - f} is formed in double and used in float32, as torch does with Python scalars.
     */
    public static void adjustBrightness(float[] img, int channels, int pixels, double factor) {
        requireChannels(channels, "brightness");
        float r = (float) factor;
        float q = (float) (1.0 - factor);
        int n = channels * pixels;
        for (int i = 0; i < n; i++) {
            img[i] = clamp01(r * img[i] + q * 0f);
        }
    }

    /**
     * {@code adjust_contrast}: blends with the mean of the grayscale image (3 channels) or of the
     * image itself (1 channel). The mean is reduced in double and rounded to float32; torch's
     * float32 reduction can differ from it by one ulp.
     */
    public static void adjustContrast(float[] img, int channels, int pixels, double factor) {
        requireChannels(channels, "contrast");
        float mean = channels == 3 ? grayMean(img, pixels) : mean(img, pixels);
        float r = (float) factor;
        float q = (float) (1.0 - factor);
        float qm = q * mean;
        int n = channels * pixels;
        for (int i = 0; i < n; i++) {
            img[i] = clamp01(r * img[i] + qm);
        }
    }

    /**
     * {@code adjust_saturation}: blends each pixel with its own luma. A one-channel image is returned
     * unchanged ("Match PIL behaviour", functional_tensor 238).
     */
    public static void adjustSaturation(float[] img, int channels, int pixels, double factor) {
        requireChannels(channels, "saturation");
        if (channels == 1) {
            return;
        }
        float r = (float) factor;
        float q = (float) (1.0 - factor);
        float[] gray = scratch(pixels);
        // luma into its own plane first: separate arrays let the blend loops vectorise
        for (int i = 0; i < pixels; i++) {
            gray[i] = q * luma(img[i], img[pixels + i], img[2 * pixels + i]);
        }
        for (int c = 0; c < 3; c++) {
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                img[base + i] = clamp01(r * img[base + i] + gray[i]);
            }
        }
    }

    /**
     * {@code rgb_to_grayscale} with as many output channels as input channels (what
     * {@code RandomGrayscale} asks for): the luma plane repeated; one channel stays as it is.
     */
    public static void grayscaleKeepChannels(float[] img, int channels, int pixels) {
        requireChannels(channels, "grayscale");
        if (channels == 1) {
            return;
        }
        int g0 = pixels;
        int b0 = 2 * pixels;
        for (int i = 0; i < pixels; i++) {
            float l = luma(img[i], img[g0 + i], img[b0 + i]);
            img[i] = l;
            img[g0 + i] = l;
            img[b0 + i] = l;
        }
    }

    /** {@code rgb_to_grayscale(img, 1)} of a 3-channel image into {@code out[0..pixels)}. */
    public static void grayscaleInto(float[] img, int pixels, float[] out) {
        for (int i = 0; i < pixels; i++) {
            out[i] = luma(img[i], img[pixels + i], img[2 * pixels + i]);
        }
    }

    /** Luma in torchvision's float32 order: {@code (0.2989 r + 0.587 g) + 0.114 b}. */
    public static float luma(float r, float g, float b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private static float[] scratch(int n) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
    }

    static float clamp01(float v) {
        return Math.min(Math.max(v, 0f), 1f);
    }

    private static float grayMean(float[] img, int pixels) {
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            sum += luma(img[i], img[pixels + i], img[2 * pixels + i]);
        }
        return (float) (sum / pixels);
    }

    private static float mean(float[] img, int pixels) {
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            sum += img[i];
        }
        return (float) (sum / pixels);
    }

    static void requireChannels(int channels, String what) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(what + " needs a 1-channel (gray) or 3-channel (RGB) image, got "
                    + channels + " channels; put the colour operators before any operator that changes the channel count");
        }
    }
}
