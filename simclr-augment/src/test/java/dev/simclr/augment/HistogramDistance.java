package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares two samples of crop sizes ({@code "HxW"} keys): the total variation distance between
 * their histograms, and how large sampling noise alone makes it and the difference of their mean
 * area fractions. Each bin's frequency difference is about normal with variance
 * {@code p (1 - p) (1/n1 + 1/n2)}, so {@code E|d| = sigma sqrt(2/pi)} and
 * {@code Var|d| = sigma^2 (1 - 2/pi)}; the noise limit is the expected distance plus 5 standard
 * deviations (bins taken as independent).
 */
record HistogramDistance(double totalVariation, double noiseLimit, double meanAreaSd) {

    /**
     * @param reference torch's counts per size
     * @param ours our frequencies per size, from {@code draws} draws
     * @param pixels the image's H * W, for the area fractions
     */
    static HistogramDistance of(JsonNode reference, Map<String, Double> ours, int draws, int pixels) {
        Map<String, Double> ref = new HashMap<>();
        double refDraws = 0;
        for (Map.Entry<String, JsonNode> e : reference.properties()) {
            ref.put(e.getKey(), e.getValue().asDouble());
            refDraws += e.getValue().asDouble();
        }
        double scale = 1 / refDraws + 1.0 / draws;
        Set<String> keys = new HashSet<>(ref.keySet());
        keys.addAll(ours.keySet());
        double tv = 0;
        double expected = 0;
        double variance = 0;
        double area = 0;
        double areaSquares = 0;
        for (String k : keys) {
            double p = ref.getOrDefault(k, 0.0) / refDraws;
            double q = ours.getOrDefault(k, 0.0);
            double pooled = (p * refDraws + q * draws) / (refDraws + draws);
            double sigma2 = pooled * (1 - pooled) * scale;
            tv += Math.abs(p - q) / 2;
            expected += Math.sqrt(sigma2 * 2 / Math.PI) / 2;
            variance += sigma2 * (1 - 2 / Math.PI) / 4;
            double a = areaFraction(k, pixels);
            area += p * a;
            areaSquares += p * a * a;
        }
        double areaVariance = areaSquares - area * area;
        return new HistogramDistance(tv, expected + 5 * Math.sqrt(variance), Math.sqrt(areaVariance * scale));
    }

    private static double areaFraction(String hw, int pixels) {
        int x = hw.indexOf('x');
        return Double.parseDouble(hw.substring(0, x)) * Double.parseDouble(hw.substring(x + 1)) / pixels;
    }
}
