package dev.simclr.augment.functional;

/**
 * {@code adjust_hue} of torchvision 0.14's tensor path (functional_tensor 201-227): RGB to HSV
 * ({@code _rgb2hsv}, 270-306), rotate the hue with a floor-mod, HSV back to RGB ({@code _hsv2rgb},
 * 309-327), per pixel in float32 with torch's operation order. There is no short cut for a zero
 * shift: torch also computes the round trip.
 */
public final class Hue {

    private Hue() {
    }

    /** Shifts hue by {@code factor} in [-0.5, 0.5]; a one-channel image is returned unchanged. */
    public static void adjustHue(float[] img, int channels, int pixels, double factor) {
        if (factor < -0.5 || factor > 0.5) {
            throw new IllegalArgumentException("hue factor " + factor + " is outside [-0.5, 0.5]");
        }
        ColorOps.requireChannels(channels, "hue");
        if (channels == 1) {
            return;
        }
        float shift = (float) factor;
        int g0 = pixels;
        int b0 = 2 * pixels;
        for (int i = 0; i < pixels; i++) {
            float r = img[i];
            float g = img[g0 + i];
            float b = img[b0 + i];
            float maxc = Math.max(Math.max(r, g), b);
            float minc = Math.min(Math.min(r, g), b);
            boolean eqc = maxc == minc;
            float cr = maxc - minc;
            float s = cr / (eqc ? 1f : maxc);
            float div = eqc ? 1f : cr;
            float rc = (maxc - r) / div;
            float gc = (maxc - g) / div;
            float bc = (maxc - b) / div;
            float h;
            if (maxc == r) {
                h = bc - gc;
            } else if (maxc == g) {
                h = 2.0f + rc - bc;
            } else {
                h = 4.0f + gc - rc;
            }
            h = h / 6.0f + 1.0f;
            h = h - (float) Math.floor(h); // torch.fmod(h, 1): exact here, as h >= 0
            h = remainder1(h + shift);

            float v = maxc;
            float h6 = h * 6.0f;
            float fi = (float) Math.floor(h6);
            float f = h6 - fi;
            int sector = Math.floorMod((int) fi, 6);
            float p = ColorOps.clamp01(v * (1.0f - s));
            float q = ColorOps.clamp01(v * (1.0f - s * f));
            float t = ColorOps.clamp01(v * (1.0f - s * (1.0f - f)));
            switch (sector) {
                case 0 -> { r = v; g = t; b = p; }
                case 1 -> { r = q; g = v; b = p; }
                case 2 -> { r = p; g = v; b = t; }
                case 3 -> { r = p; g = q; b = v; }
                case 4 -> { r = t; g = p; b = v; }
                default -> { r = v; g = p; b = q; }
            }
            img[i] = r;
            img[g0 + i] = g;
            img[b0 + i] = b;
        }
    }

    /**
     * torch.remainder(x, 1.0) on float32 ({@code fmod}, plus 1 when negative). For |x| < 2 this is
     * exactly {@code x - floor(x)}: for x >= 0 the difference is exact, for x < 0 both round x + 1.
     * Java's float {@code %} is a slow runtime call, so it is avoided.
     */
    private static float remainder1(float x) {
        return x - (float) Math.floor(x);
    }
}
