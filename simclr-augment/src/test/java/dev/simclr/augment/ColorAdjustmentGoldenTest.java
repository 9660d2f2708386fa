package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.Hue;
import org.junit.jupiter.api.Test;

class ColorAdjustmentGoldenTest {

    private interface Adjust {
        void apply(float[] img, double factor);
    }

    private static void check(String file, String op, String param, Adjust adjust) {
        for (JsonNode c : Golden.cases(file, op)) {
            double f = c.get("params").get(param).asDouble();
            FloatImage img = Golden.image();
            adjust.apply(img.data(), f);
            float[] expected = Golden.floats(c.get("output"));
            Golden.assertSameLength(expected, img.shape().size(), op);
            Golden.assertClose(expected, img.data(), expected.length, op + "(" + f + ")");
        }
    }

    @Test
    void brightnessMatchesTorchvisionOnGoldenCases() {
        check("tf_tensor_adjust_brightness.json", "adjust_brightness", "brightness_factor",
                (d, f) -> ColorOps.adjustBrightness(d, 3, 1024, f));
    }

    @Test
    void contrastMatchesTorchvisionOnGoldenCases() {
        check("tf_tensor_adjust_contrast.json", "adjust_contrast", "contrast_factor",
                (d, f) -> ColorOps.adjustContrast(d, 3, 1024, f));
    }

    @Test
    void saturationMatchesTorchvisionOnGoldenCases() {
        check("tf_tensor_adjust_saturation.json", "adjust_saturation", "saturation_factor",
                (d, f) -> ColorOps.adjustSaturation(d, 3, 1024, f));
    }

    @Test
    void hueMatchesTorchvisionOnGoldenCasesIncludingZeroShiftRoundTrip() {
        check("tf_tensor_adjust_hue.json", "adjust_hue", "hue_factor",
                (d, f) -> Hue.adjustHue(d, 3, 1024, f));
    }

    @Test
    void colorJitterChainsMatchTorchvisionInTheirPermutedOrder() {
        for (JsonNode c : Golden.cases("tf_tensor_misc.json", "color_jitter_chain")) {
            JsonNode p = c.get("params");
            int[] order = new int[4];
            for (int i = 0; i < 4; i++) {
                order[i] = p.get("fn_idx").get(i).asInt();
            }
            FloatImage img = Golden.image();
            ColorJitter.jitter(img, new JitterFactors(order, p.get("brightness_factor").asDouble(),
                    p.get("contrast_factor").asDouble(), p.get("saturation_factor").asDouble(), p.get("hue_factor").asDouble()));
            Golden.assertClose(Golden.floats(c.get("output")), img.data(), 3072, "color_jitter_chain " + p);
        }
    }

    @Test
    void grayscaleMatchesTorchvisionForOneAndThreeOutputChannels() {
        for (JsonNode c : Golden.cases("tf_tensor_misc.json", "rgb_to_grayscale")) {
            float[] expected = Golden.floats(c.get("output"));
            FloatImage img = Golden.image();
            if (c.get("params").get("num_output_channels").asInt() == 3) {
                ColorOps.grayscaleKeepChannels(img.data(), 3, 1024);
                Golden.assertClose(expected, img.data(), 3072, "rgb_to_grayscale(3)");
            } else {
                float[] out = new float[1024];
                ColorOps.grayscaleInto(img.data(), 1024, out);
                Golden.assertClose(expected, out, 1024, "rgb_to_grayscale(1)");
            }
        }
    }
}
