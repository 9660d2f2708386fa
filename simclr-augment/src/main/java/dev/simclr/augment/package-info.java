/**
 * SimCLR's augmentation operators as providers of the augmentation extension point, faithful to
 * torchvision 0.14's tensor path: {@code random-resized-crop}, {@code horizontal-flip},
 * {@code color-jitter}, {@code grayscale}, {@code gaussian-blur}, {@code solarize},
 * {@code normalize}, and the {@code simclr} preset that composes the paper's pipeline.
 *
 * <p>Each operator draws its parameters with torchvision's algorithm ({@link dev.simclr.augment.Draws})
 * from the generator it is given, then runs a deterministic core in
 * {@link dev.simclr.augment.functional}. Operators hold only their settings, so one instance serves
 * all worker threads.
 *
 * <p>One-channel images (Fashion-MNIST) follow torchvision's tensor rules: saturation and hue leave
 * them unchanged, contrast blends with the image's own mean, grayscale keeps them as they are, and
 * every other operator works per channel. Colour operators refuse channel counts other than 1 or 3.
 */
package dev.simclr.augment;
