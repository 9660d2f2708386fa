package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomSolarize(threshold, p)}: when {@code rand < p}, every value
 * {@code >= threshold} becomes {@code 1 - value} ({@code functional_tensor.solarize}, 801-813).
 */
public final class RandomSolarize implements Augmentation {

    private final double threshold;
    private final double p;

    public RandomSolarize(double threshold, double p) {
        this.threshold = threshold;
        this.p = p;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (Draws.coin(rng, p)) {
            solarize(image.data(), image.shape().size(), threshold);
        }
        return image;
    }

    /** The deterministic core, in place on the first n values. */
    public static void solarize(float[] d, int n, double threshold) {
        float th = (float) threshold;
        for (int i = 0; i < n; i++) {
            float v = d[i];
            d[i] = v >= th ? 1.0f - v : v;
        }
    }

    @Override
    public String toString() {
        return "solarize(threshold=" + threshold + ", p=" + p + ")";
    }
}
