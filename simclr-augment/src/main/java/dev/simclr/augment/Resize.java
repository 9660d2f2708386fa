package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.Resample;
import java.util.random.RandomGenerator;

/**
 * The deterministic evaluation counterpart of {@link RandomResizedCrop}: torchvision's
 * {@code Resize(size)} (shorter side to {@code size}, longer side {@code int(size * long / short)})
 * followed by {@code CenterCrop(size)}. Only the centre window of the resized image is computed.
 */
public final class Resize implements ResamplingAugmentation {

    private final int size;
    private final boolean antialias;

    public Resize(int size, boolean antialias) {
        if (size <= 0) {
            throw new IllegalArgumentException("resize size must be positive, got " + size);
        }
        this.size = size;
        this.antialias = antialias;
    }

    @Override
    public FloatImage applyInto(FloatImage image, float[] out, RandomGenerator rng) {
        ImageShape in = image.shape();
        int h = in.height();
        int w = in.width();
        // functional._compute_resized_output_size for an int size
        int resizedH;
        int resizedW;
        if (w <= h) {
            resizedW = size;
            resizedH = (int) ((long) size * h / w);
        } else {
            resizedH = size;
            resizedW = (int) ((long) size * w / h);
        }
        // functional.center_crop: int(round((dim - crop) / 2.0)), Python rounding
        int top = (int) Math.rint((resizedH - size) / 2.0);
        int left = (int) Math.rint((resizedW - size) / 2.0);
        Resample.resizedCropWindow(image.data(), in.channels(), h, w, 0, 0, h, w,
                resizedH, resizedW, top, left, size, size, antialias, out);
        return FloatImage.inBuffer(outputShape(in), out);
    }

    @Override
    public ImageShape outputShape(ImageShape input) {
        return new ImageShape(input.channels(), size, size);
    }

    @Override
    public Augmentation evaluationForm() {
        return this;
    }

    @Override
    public String toString() {
        return "resize(size=" + size + ", centre crop, antialias=" + antialias + ")";
    }
}
