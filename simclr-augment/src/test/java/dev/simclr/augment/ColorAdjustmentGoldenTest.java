package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.Hue;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ColorAdjustmentGoldenTest {

    static List<GoldenCase> brightness() {
        return Golden.cases("tf_tensor_adjust_brightness.json", "adjust_brightness");
    }

    static List<GoldenCase> contrast() {
        return Golden.cases("tf_tensor_adjust_contrast.json", "adjust_contrast");
    }

    static List<GoldenCase> saturation() {
        return Golden.cases("tf_tensor_adjust_saturation.json", "adjust_saturation");
    }

    static List<GoldenCase> hue() {
        return Golden.cases("tf_tensor_adjust_hue.json", "adjust_hue");
    }

    static List<GoldenCase> jitterChains() {
        return Golden.cases("tf_tensor_misc.json", "color_jitter_chain");
    }

    static List<GoldenCase> grayscale() {
        return Golden.cases("tf_tensor_misc.json", "rgb_to_grayscale");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brightness")
    void brightnessMatchesTorchvision(GoldenCase c) {
        double f = c.params().get("brightness_factor").asDouble();
        FloatImage img = Golden.image();
        ColorOps.adjustBrightness(img.data(), img.channels(), img.shape().pixels(), f);
        Golden.assertMatches(c, img, ErrorBound.brightness(f).own());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contrast")
    void contrastMatchesTorchvision(GoldenCase c) {
        double f = c.params().get("contrast_factor").asDouble();
        FloatImage img = Golden.image();
        ColorOps.adjustContrast(img.data(), img.channels(), img.shape().pixels(), f);
        Golden.assertMatches(c, img, ErrorBound.contrast(f, img.shape().pixels()).own());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saturation")
    void saturationMatchesTorchvision(GoldenCase c) {
        double f = c.params().get("saturation_factor").asDouble();
        FloatImage img = Golden.image();
        ColorOps.adjustSaturation(img.data(), img.channels(), img.shape().pixels(), f);
        Golden.assertMatches(c, img, ErrorBound.saturation(f).own());
    }

    /** Includes the zero shift, which torch computes as a full round trip. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hue")
    void hueMatchesTorchvision(GoldenCase c) {
        FloatImage img = Golden.image();
        Hue.adjustHue(img.data(), img.channels(), img.shape().pixels(), c.params().get("hue_factor").asDouble());
        Golden.assertMatches(c, img, ErrorBound.hue().own());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jitterChains")
    void colorJitterChainMatchesTorchvisionInItsPermutedOrder(GoldenCase c) {
        JsonNode p = c.params();
        int[] order = new int[p.get("fn_idx").size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = p.get("fn_idx").get(i).asInt();
        }
        JitterFactors factors = new JitterFactors(order, p.get("brightness_factor").asDouble(),
                p.get("contrast_factor").asDouble(), p.get("saturation_factor").asDouble(), p.get("hue_factor").asDouble());
        FloatImage img = Golden.image();
        ColorJitter.jitter(img, factors);
        Golden.assertMatches(c, img, chainBound(factors, img.shape().pixels()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grayscale")
    void grayscaleMatchesTorchvision(GoldenCase c) {
        FloatImage img = Golden.image();
        int pixels = img.shape().pixels();
        if (c.params().get("num_output_channels").asInt() == img.channels()) {
            ColorOps.grayscaleKeepChannels(img.data(), img.channels(), pixels);
            Golden.assertMatches(c, img, ErrorBound.grayscale().own());
        } else {
            FloatImage out = new FloatImage(new ImageShape(1, img.height(), img.width()));
            ColorOps.grayscaleInto(img.data(), pixels, out.data());
            Golden.assertMatches(c, out, ErrorBound.grayscale().own());
        }
    }

    /** The jitter's ops chained in their order (ColorJitter.forward, transforms.py 1235-1257). */
    private static double chainBound(JitterFactors f, int pixels) {
        double e = 0;
        for (int op : f.order()) {
            ErrorBound step = switch (op) {
                case 0 -> ErrorBound.brightness(f.brightness());
                case 1 -> ErrorBound.contrast(f.contrast(), pixels);
                case 2 -> ErrorBound.saturation(f.saturation());
                case 3 -> ErrorBound.hue();
                default -> throw new IllegalArgumentException("colour jitter op index " + op + " is not 0-3");
            };
            e = step.after(e);
        }
        return e;
    }
}
