package dev.simclr.api;

import java.util.random.RandomGenerator;

/**
 * One augmentation operator on one image. It draws its own random parameters from the given
 * generator (so a pipeline seeded per image and view is deterministic whatever the thread count)
 * and applies them. Implementations must be safe to call from several threads at once: keep
 * per-call state on the stack or in the returned image, never in fields.
 */
public interface Augmentation {

    /**
     * Applies the operator.
     *
     * @param image input, CHW floats; may be modified in place
     * @param rng the random source for this image and view
     * @return the output image (possibly {@code image} itself)
     */
    FloatImage apply(FloatImage image, RandomGenerator rng);

    /** Shape of the output for an input of the given shape. */
    default ImageShape outputShape(ImageShape input) {
        return input;
    }

    /**
     * The deterministic form used to prepare evaluation images (no randomness): e.g. normalize
     * stays itself, random-resized-crop becomes a resize to its size, random colour operators
     * disappear. Null when the operator has no place in the evaluation transform.
     */
    default Augmentation evaluationForm() {
        return null;
    }
}
