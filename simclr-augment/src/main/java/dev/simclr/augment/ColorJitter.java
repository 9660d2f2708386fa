package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.Hue;
import java.util.random.RandomGenerator;

/**
 * {@code RandomApply([ColorJitter(b, c, s, h)], p)}, SimCLR's colour distortion (paper appendix A).
 * Ranges come from ColorJitter's {@code _check_input} (transforms.py 1183-1200): {@code v} becomes
 * {@code [max(0, 1 - v), 1 + v]} for brightness, contrast, saturation and {@code [-v, v]} for hue;
 * a range that is a single point at its centre (v = 0) is dropped. Draw order: the RandomApply
 * {@code rand} first; when applied, {@code randperm(4)}, then the factors of the present ranges as
 * float32 uniforms in the fixed order brightness, contrast, saturation, hue (get_params, 1204-1233).
 */
public final class ColorJitter implements Augmentation {

    private final double[] brightness;
    private final double[] contrast;
    private final double[] saturation;
    private final double[] hue;
    private final double p;

    public ColorJitter(double brightness, double contrast, double saturation, double hue, double p) {
        if (brightness < 0 || contrast < 0 || saturation < 0 || hue < 0 || hue > 0.5) {
            throw new IllegalArgumentException("color-jitter strengths must be >= 0 and hue <= 0.5, got brightness "
                    + brightness + ", contrast " + contrast + ", saturation " + saturation + ", hue " + hue);
        }
        this.brightness = factorRange(brightness);
        this.contrast = factorRange(contrast);
        this.saturation = factorRange(saturation);
        this.hue = hue == 0 ? null : new double[] {-hue, hue};
        this.p = p;
    }

    private static double[] factorRange(double v) {
        return v == 0 ? null : new double[] {Math.max(0.0, 1.0 - v), 1.0 + v};
    }

    /** {@code ColorJitter.get_params}: permutation first, then one float32 uniform per present range. */
    public JitterFactors sample(RandomGenerator rng) {
        int[] order = new int[4];
        Draws.randperm(rng, order, 4);
        double b = brightness == null ? Double.NaN : Draws.uniform(rng, brightness[0], brightness[1]);
        double c = contrast == null ? Double.NaN : Draws.uniform(rng, contrast[0], contrast[1]);
        double s = saturation == null ? Double.NaN : Draws.uniform(rng, saturation[0], saturation[1]);
        double h = hue == null ? Double.NaN : Draws.uniform(rng, hue[0], hue[1]);
        return new JitterFactors(order, b, c, s, h);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (Draws.randomApply(rng, p)) {
            jitter(image, sample(rng));
        }
        return image;
    }

    /** The deterministic core ({@code ColorJitter.forward}, 1235-1257): each adjustment sees the previous one's output. */
    public static void jitter(FloatImage image, JitterFactors f) {
        float[] d = image.data();
        int ch = image.channels();
        int px = image.shape().pixels();
        for (int id : f.order()) {
            switch (id) {
                case 0 -> {
                    if (!Double.isNaN(f.brightness())) {
                        ColorOps.adjustBrightness(d, ch, px, f.brightness());
                    }
                }
                case 1 -> {
                    if (!Double.isNaN(f.contrast())) {
                        ColorOps.adjustContrast(d, ch, px, f.contrast());
                    }
                }
                case 2 -> {
                    if (!Double.isNaN(f.saturation())) {
                        ColorOps.adjustSaturation(d, ch, px, f.saturation());
                    }
                }
                default -> {
                    if (!Double.isNaN(f.hue())) {
                        Hue.adjustHue(d, ch, px, f.hue());
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "color-jitter(brightness=" + range(brightness) + ", contrast=" + range(contrast) + ", saturation="
                + range(saturation) + ", hue=" + range(hue) + ", p=" + p + ")";
    }

    private static String range(double[] r) {
        return r == null ? "off" : "[" + r[0] + ", " + r[1] + "]";
    }
}
