package dev.simclr.augment;

import dev.simclr.api.FloatImage;
import dev.simclr.api.Augmentation;
import dev.simclr.augment.functional.ColorOps;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomGrayscale(p)} (transforms.py 1587-1598): when {@code rand < p}, the luma
 * {@code 0.2989 r + 0.587 g + 0.114 b} in every channel, so the channel count is kept; a one-channel
 * image is already gray and stays as it is.
 */
public final class RandomGrayscale implements Augmentation {

    private final double p;

    public RandomGrayscale(double p) {
        this.p = p;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (Draws.coin(rng, p)) {
            ColorOps.grayscaleKeepChannels(image.data(), image.channels(), image.shape().pixels());
        }
        return image;
    }

    @Override
    public String toString() {
        return "grayscale(p=" + p + ")";
    }
}
