package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import java.util.random.RandomGenerator;

/**
 * An operator whose output size differs from its input's, so it cannot work in place: it writes
 * into a buffer the caller owns. The batch pipeline passes reused buffers, so resampling allocates
 * nothing per image; {@link #apply} allocates for callers that do not care.
 */
public interface ResamplingAugmentation extends Augmentation {

    /**
     * Applies the operator, writing the result into {@code out} (at least
     * {@code outputShape(image.shape()).size()} floats; must not be {@code image.data()}).
     *
     * @return an image of {@link #outputShape} backed by {@code out}
     */
    FloatImage applyInto(FloatImage image, float[] out, RandomGenerator rng);

    @Override
    default FloatImage apply(FloatImage image, RandomGenerator rng) {
        return applyInto(image, new float[outputShape(image.shape()).size()], rng);
    }
}
