package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.Resample;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio, bilinear)}: a crop of random area
 * fraction and log-uniform aspect ratio, resized to {@code size x size}. Sampling follows
 * {@code RandomResizedCrop.get_params} (transforms.py 910-951); the resize is the tensor path's
 * bilinear interpolation, without antialias by default as in torchvision 0.14.
 */
public final class RandomResizedCrop implements ResamplingAugmentation {

    private static final int ATTEMPTS = 10;

    private final int size;
    private final float scaleLo;
    private final float scaleHi;
    private final double ratioLo;
    private final double ratioHi;
    private final float logRatioLo;
    private final float logRatioHi;
    private final boolean antialias;

    public RandomResizedCrop(int size, double scaleLo, double scaleHi, double ratioLo, double ratioHi, boolean antialias) {
        if (size <= 0) {
            throw new IllegalArgumentException("random-resized-crop size must be positive, got " + size);
        }
        if (!(scaleLo <= scaleHi) || !(ratioLo <= ratioHi)) {
            throw new IllegalArgumentException("random-resized-crop: scale and ratio must be [low, high] with low <= high, got scale ["
                    + scaleLo + ", " + scaleHi + "], ratio [" + ratioLo + ", " + ratioHi + "]");
        }
        this.size = size;
        this.scaleLo = (float) scaleLo;
        this.scaleHi = (float) scaleHi;
        this.ratioLo = ratioLo;
        this.ratioHi = ratioHi;
        // torch.log(torch.tensor(ratio)): float32 values, float32 log
        this.logRatioLo = (float) Math.log((float) ratioLo);
        this.logRatioHi = (float) Math.log((float) ratioHi);
        this.antialias = antialias;
    }

    public int size() {
        return size;
    }

    public boolean antialias() {
        return antialias;
    }

    /**
     * {@code RandomResizedCrop.get_params}: up to ten tries of (float32 uniform area fraction,
     * float32 uniform log aspect ratio), {@code w = round(sqrt(A r))}, {@code h = round(sqrt(A / r))}
     * with Python's round-half-even, accepted when it fits; then top before left. After ten misses,
     * the central crop clipped to the ratio range.
     */
    public CropBox sample(int height, int width, RandomGenerator rng) {
        double area = (double) height * width;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * Draws.uniform(rng, scaleLo, scaleHi);
            double aspect = (float) Math.exp(Draws.uniform(rng, logRatioLo, logRatioHi));
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int top = Draws.randint(rng, height - h + 1);
                int left = Draws.randint(rng, width - w + 1);
                return new CropBox(top, left, h, w);
            }
        }
        return centralFallback(height, width);
    }

    private CropBox centralFallback(int height, int width) {
        double inRatio = (double) width / (double) height;
        int w;
        int h;
        if (inRatio < Math.min(ratioLo, ratioHi)) {
            w = width;
            h = (int) Math.rint(w / Math.min(ratioLo, ratioHi));
        } else if (inRatio > Math.max(ratioLo, ratioHi)) {
            h = height;
            w = (int) Math.rint(h * Math.max(ratioLo, ratioHi));
        } else {
            w = width;
            h = height;
        }
        return new CropBox((height - h) / 2, (width - w) / 2, h, w);
    }

    /** The deterministic core: {@code resized_crop(img, box, [size, size])} into {@code out}. */
    public FloatImage crop(FloatImage image, CropBox box, float[] out) {
        ImageShape in = image.shape();
        Resample.resizedCrop(image.data(), in.channels(), in.height(), in.width(),
                box.top(), box.left(), box.height(), box.width(), size, size, antialias, out);
        return FloatImage.inBuffer(outputShape(in), out);
    }

    @Override
    public FloatImage applyInto(FloatImage image, float[] out, RandomGenerator rng) {
        return crop(image, sample(image.height(), image.width(), rng), out);
    }

    @Override
    public ImageShape outputShape(ImageShape input) {
        return new ImageShape(input.channels(), size, size);
    }

    /** Resize of the shorter side to {@code size} and a centre crop, as torchvision evaluation does. */
    @Override
    public Augmentation evaluationForm() {
        return new Resize(size, antialias);
    }

    @Override
    public String toString() {
        return "random-resized-crop(size=" + size + ", scale=[" + scaleLo + ", " + scaleHi + "], ratio=["
                + ratioLo + ", " + ratioHi + "], antialias=" + antialias + ")";
    }
}
