package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import java.util.random.RandomGenerator;

/** torchvision's {@code RandomHorizontalFlip(p)}: mirror left-right when {@code rand < p} (transforms.py 696-706). */
public final class RandomHorizontalFlip implements Augmentation {

    private final double p;

    public RandomHorizontalFlip(double p) {
        this.p = p;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (Draws.coin(rng, p)) {
            flip(image);
        }
        return image;
    }

    /** {@code hflip}: reverses every row of every channel, in place. */
    public static void flip(FloatImage image) {
        float[] d = image.data();
        int w = image.width();
        int rows = image.channels() * image.height();
        for (int r = 0; r < rows; r++) {
            int a = r * w;
            int b = a + w - 1;
            while (a < b) {
                float t = d[a];
                d[a++] = d[b];
                d[b--] = t;
            }
        }
    }

    @Override
    public String toString() {
        return "horizontal-flip(p=" + p + ")";
    }
}
