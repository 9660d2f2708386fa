package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingDistributionTest {

    private static final int DRAWS = 100_000;

    @Test
    void randomResizedCropSizesMatchTorchvisionHistogramOn32x32() {
        JsonNode ref = Golden.read("sampling.json").get("rrc_32");
        RandomResizedCrop rrc = new RandomResizedCrop(32, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, false);
        SplittableRandom rng = new SplittableRandom(2024);
        Map<String, Integer> ours = new HashMap<>();
        double area = 0;
        for (int i = 0; i < DRAWS; i++) {
            CropBox b = rrc.sample(32, 32, rng);
            assertTrue(b.top() >= 0 && b.left() >= 0 && b.top() + b.height() <= 32 && b.left() + b.width() <= 32);
            area += b.height() * b.width() / 1024.0;
            ours.merge(b.height() + "x" + b.width(), 1, Integer::sum);
        }
        double meanArea = area / DRAWS;
        // sd of one area fraction is about 0.26, so the sd of the mean of 1e5 is about 0.0008
        assertEquals(ref.get("mean_area_fraction_hw_over_1024").asDouble(), meanArea, 0.004, "mean area fraction");

        // total variation distance between the two (h, w) histograms: sampling noise alone gives about 0.03
        JsonNode hist = ref.get("hw_histogram");
        double refTotal = 0;
        for (Iterator<JsonNode> it = hist.elements(); it.hasNext(); ) {
            refTotal += it.next().asDouble();
        }
        Map<String, Double> all = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hist.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            all.merge(e.getKey(), e.getValue().asDouble() / refTotal, Double::sum);
        }
        for (Map.Entry<String, Integer> e : ours.entrySet()) {
            all.merge(e.getKey(), -e.getValue() / (double) DRAWS, Double::sum);
        }
        double tv = 0;
        for (double d : all.values()) {
            tv += Math.abs(d);
        }
        tv /= 2;
        assertTrue(tv < 0.05, "total variation distance to torchvision's histogram " + tv);
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
        // s = 1: [1 - 0.8, 1 + 0.8] = [0.19999999999999996, 1.8] as in sampling.json
        JsonNode ranges = Golden.read("sampling.json").get("color_jitter_ranges");
        assertEquals(ranges.get("brightness").get(0).asDouble(), 1 - 0.8);
        assertTrue(new ColorJitter(0.8, 0.8, 0.8, 0.2, 1).toString().contains("[0.19999999999999996, 1.8]"));
        assertTrue(new ColorJitter(0.8, 0.8, 0.8, 0.2, 1).toString().contains("hue=[-0.2, 0.2]"));
    }
}
