package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.GaussianBlur;
import java.util.random.RandomGenerator;

/**
 * {@code RandomApply([GaussianBlur(kernel, sigma)], p)}: SimCLR's blur (paper appendix A: kernel 10%
 * of the image side, sigma uniform in [0.1, 2.0], applied with probability 0.5). The apply draw comes
 * first; sigma is then a float32 uniform ({@code GaussianBlur.get_params}, transforms.py 1778-1788).
 */
public final class RandomGaussianBlur implements Augmentation {

    private final int kernelSize;
    private final double sigmaLo;
    private final double sigmaHi;
    private final double p;

    public RandomGaussianBlur(int kernelSize, double sigmaLo, double sigmaHi, double p) {
        if (kernelSize <= 0 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("gaussian-blur kernel-size must be odd and positive, got " + kernelSize
                    + "; use " + (kernelSize + 1) + " or " + Math.max(1, kernelSize - 1));
        }
        if (!(sigmaLo > 0 && sigmaLo <= sigmaHi)) {
            throw new IllegalArgumentException("gaussian-blur sigma must be [low, high] with 0 < low <= high, got ["
                    + sigmaLo + ", " + sigmaHi + "]");
        }
        this.kernelSize = kernelSize;
        this.sigmaLo = sigmaLo;
        this.sigmaHi = sigmaHi;
        this.p = p;
    }

    /** The kernel SimCLR uses for images of side {@code size}: 10% of it, made odd, at least 3. */
    public static int kernelFor(int size) {
        int k = (int) (0.1 * size);
        if (k % 2 == 0) {
            k += 1;
        }
        return Math.max(3, k);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (Draws.randomApply(rng, p)) {
            double sigma = Draws.uniform(rng, sigmaLo, sigmaHi);
            GaussianBlur.blur(image.data(), image.channels(), image.height(), image.width(), kernelSize, sigma);
        }
        return image;
    }

    @Override
    public String toString() {
        return "gaussian-blur(kernel-size=" + kernelSize + ", sigma=[" + sigmaLo + ", " + sigmaHi + "], p=" + p + ")";
    }
}
