package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code Normalize(mean, std)} ({@code functional_tensor.normalize}, 917-940):
 * {@code (x - mean[c]) / std[c]} in float32. A single value applies to every channel.
 */
public final class Normalize implements Augmentation {

    private final float[] mean;
    private final float[] std;

    public Normalize(double[] mean, double[] std) {
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("normalize needs at least one mean and one std value");
        }
        this.mean = new float[mean.length];
        this.std = new float[std.length];
        for (int i = 0; i < mean.length; i++) {
            this.mean[i] = (float) mean[i];
        }
        for (int i = 0; i < std.length; i++) {
            if (std[i] == 0) {
                throw new IllegalArgumentException("normalize std[" + i + "] is 0, which would divide by zero; use a positive value");
            }
            this.std[i] = (float) std[i];
        }
    }

    /** Mean of channel c, as float32 (for un-normalising pictures). */
    public float mean(int c) {
        return mean[mean.length == 1 ? 0 : c];
    }

    /** Standard deviation of channel c, as float32. */
    public float std(int c) {
        return std[std.length == 1 ? 0 : c];
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        check(image.channels());
        float[] d = image.data();
        int plane = image.shape().pixels();
        for (int c = 0; c < image.channels(); c++) {
            float m = mean(c);
            float s = std(c);
            int end = (c + 1) * plane;
            for (int i = c * plane; i < end; i++) {
                d[i] = (d[i] - m) / s;
            }
        }
        return image;
    }

    @Override
    public ImageShape outputShape(ImageShape input) {
        check(input.channels());
        return input;
    }

    private void check(int channels) {
        if ((mean.length != 1 && mean.length != channels) || (std.length != 1 && std.length != channels)) {
            throw new IllegalArgumentException("normalize has " + mean.length + " mean and " + std.length
                    + " std values for images of " + channels + " channels; give 1 or " + channels + " of each");
        }
    }

    @Override
    public Augmentation evaluationForm() {
        return this;
    }

    @Override
    public String toString() {
        return "normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
