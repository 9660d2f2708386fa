package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplingDistributionTest {

    private static final int DRAWS = 100_000;

    /** Every {@code rrc_<H>} or {@code rrc_<H>x<W>} entry of sampling.json: torch draws on an H x W image. */
    static List<Arguments> cropHistograms() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Golden.read("sampling.json").properties()) {
            Matcher m = Pattern.compile("rrc_(\\d+)(?:x(\\d+))?").matcher(e.getKey());
            if (m.matches()) {
                int h = Integer.parseInt(m.group(1));
                out.add(Arguments.of(e.getKey(), h, m.group(2) == null ? h : Integer.parseInt(m.group(2)), e.getValue()));
            }
        }
        assertFalse(out.isEmpty(), "no rrc_<size> entry in sampling.json in " + Golden.dir());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cropHistograms")
    void randomResizedCropSizesMatchTorchvisionHistogram(String name, int height, int width, JsonNode ref) {
        // get_params draws from the image's size and the defaults; the output size plays no part
        RandomResizedCrop rrc = new RandomResizedCrop(32, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, false);
        SplittableRandom rng = new SplittableRandom(2024);
        Map<String, Double> ours = new HashMap<>();
        double area = 0;
        for (int i = 0; i < DRAWS; i++) {
            CropBox b = rrc.sample(height, width, rng);
            assertTrue(b.top() >= 0 && b.left() >= 0 && b.top() + b.height() <= height && b.left() + b.width() <= width);
            area += (double) b.height() * b.width() / ((double) height * width);
            ours.merge(b.height() + "x" + b.width(), 1.0 / DRAWS, Double::sum);
        }
        HistogramDistance d = HistogramDistance.of(ref.get("hw_histogram"), ours, DRAWS, height * width);
        if (Boolean.getBoolean("simclr.golden.verbose")) {
            System.out.printf("%s: total variation %.4f (noise limit %.4f), mean area %.4f vs %.4f (sd %.2g)%n", name,
                    d.totalVariation(), d.noiseLimit(), area / DRAWS, ref.path("mean_area_fraction_hw_over_" + height * width).asDouble(),
                    d.meanAreaSd());
        }
        String meanKey = "mean_area_fraction_hw_over_" + height * width;
        assertTrue(ref.has(meanKey), name + " has no " + meanKey);
        // 5 standard deviations of the difference of two sample means
        assertEquals(ref.get(meanKey).asDouble(), area / DRAWS, 5 * d.meanAreaSd(), name + ": mean area fraction");
        assertTrue(d.totalVariation() < d.noiseLimit(), name + ": total variation distance to torchvision's histogram "
                + d.totalVariation() + ", sampling noise alone stays below " + d.noiseLimit());
    }

    @Test
    void cropAreaStaysInScaleAndAspectRatioIsLogUniform() {
        // a large image makes rounding negligible so the continuous laws show
        RandomResizedCrop rrc = new RandomResizedCrop(32, 0.2, 0.6, 0.5, 2.0, false);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 20_000;
        int below = 0;
        for (int i = 0; i < n; i++) {
            CropBox b = rrc.sample(2000, 2000, rng);
            double frac = (double) b.height() * b.width() / (2000.0 * 2000.0);
            assertTrue(frac > 0.195 && frac < 0.605, "area fraction " + frac);
            double logRatio = Math.log((double) b.width() / b.height());
            assertTrue(Math.abs(logRatio) <= Math.log(2.0) + 0.01, "ratio " + Math.exp(logRatio));
            if (logRatio < 0) {
                below++;
            }
        }
        // log-uniform on [log 0.5, log 2] is symmetric around 0; crops that do not fit are retried
        // symmetrically too
        assertEquals(0.5, below / (double) n, 0.02);
    }

    @Test
    void cropFallsBackToTheCentreWhenNothingFits() {
        RandomResizedCrop rrc = new RandomResizedCrop(8, 2.0, 3.0, 3.0 / 4.0, 4.0 / 3.0, false);
        CropBox b = rrc.sample(10, 30, new SplittableRandom(1));
        // width/height = 3 > 4/3: height kept, width = round(10 * 4/3) = 13, centred
        assertEquals(new CropBox(0, 8, 10, 13), b);
    }

    @Test
    void flipGrayscaleAndJitterFireWithTheirProbabilities() {
        int n = 40_000;
        SplittableRandom rng = new SplittableRandom(11);
        ImageShape shape = new ImageShape(3, 1, 2);
        int flips = 0;
        int grays = 0;
        int jitters = 0;
        RandomHorizontalFlip flip = new RandomHorizontalFlip(0.5);
        RandomGrayscale gray = new RandomGrayscale(0.2);
        ColorJitter jitter = new ColorJitter(0.8, 0, 0, 0, 0.8);
        for (int i = 0; i < n; i++) {
            FloatImage a = new FloatImage(shape, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f});
            flip.apply(a, rng);
            if (a.data()[0] == 0.2f) {
                flips++;
            }
            FloatImage g = new FloatImage(shape, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f});
            gray.apply(g, rng);
            if (g.data()[0] == g.data()[2]) {
                grays++;
            }
            FloatImage j = new FloatImage(shape, new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f});
            jitter.apply(j, rng);
            if (j.data()[0] != 0.5f) {
                jitters++;
            }
        }
        // binomial sd at n = 40000 is at most 0.0025; allow 4 sd
        assertEquals(0.5, flips / (double) n, 0.01);
        assertEquals(0.2, grays / (double) n, 0.01);
        assertEquals(0.8, jitters / (double) n, 0.01);
    }

    @Test
    void colorJitterDrawsFactorsInTheirRangesAndEveryOrder() {
        ColorJitter jitter = new ColorJitter(0.8, 0.8, 0.8, 0.2, 1.0);
        SplittableRandom rng = new SplittableRandom(3);
        Map<String, Integer> orders = new HashMap<>();
        double hueSum = 0;
        int n = 24_000;
        for (int i = 0; i < n; i++) {
            JitterFactors f = jitter.sample(rng);
            for (double v : new double[] {f.brightness(), f.contrast(), f.saturation()}) {
                assertTrue(v >= 0.19999999 && v < 1.8, "factor " + v);
            }
            assertTrue(f.hue() >= -0.2 && f.hue() < 0.2);
            hueSum += f.hue();
            orders.merge(java.util.Arrays.toString(f.order()), 1, Integer::sum);
        }
        assertEquals(24, orders.size(), "all 24 permutations occur");
        for (int c : orders.values()) {
            assertEquals(1000, c, 150);
        }
        assertEquals(0.0, hueSum / n, 0.005);
    }

    @Test
    void jitterRangesFollowTorchvisionCheckInput() {
        // the file's ranges come from ColorJitter(b, c, s, h) with 1 + b (or h) as upper bound; each
        // range must then be [max(0, 1 - v), 1 + v] or [-h, h] as _check_input makes them
        JsonNode ranges = Golden.read("sampling.json").get("color_jitter_ranges");
        String[] names = {"brightness", "contrast", "saturation", "hue"};
        double[] strength = new double[4];
        for (int i = 0; i < 4; i++) {
            strength[i] = typedStrength(ranges.get(names[i]).get(1).asDouble(), i < 3 ? 1 : 0);
        }
        String ours = new ColorJitter(strength[0], strength[1], strength[2], strength[3], 1).toString();
        for (String n : names) {
            Matcher m = Pattern.compile(n + "=\\[(\\S+), (\\S+)\\]").matcher(ours);
            assertTrue(m.find(), n + " range missing from " + ours);
            assertEquals(ranges.get(n).get(0).asDouble(), Double.parseDouble(m.group(1)), n + " lower bound");
            assertEquals(ranges.get(n).get(1).asDouble(), Double.parseDouble(m.group(2)), n + " upper bound");
        }
    }

    /**
     * The strength as it was written in the generator, the shortest decimal v with
     * {@code centre + v == upper}: {@code upper - 1} itself can be off by an ulp (1.6 - 1 is
     * 0.6000000000000001), which would move the lower bound {@code 1 - v}.
     */
    private static double typedStrength(double upper, double centre) {
        for (int digits = 1; digits <= 17; digits++) {
            double v = new BigDecimal(upper - centre).round(new MathContext(digits)).doubleValue();
            if (centre + v == upper) {
                return v;
            }
        }
        return upper - centre;
    }
}
