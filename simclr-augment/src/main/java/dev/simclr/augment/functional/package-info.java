/**
 * The deterministic cores of the operators: given already drawn parameters, each function does what
 * torchvision 0.14's tensor path ({@code torchvision/transforms/functional_tensor.py} and
 * {@code functional.resized_crop}) does to a float32 CHW image in [0, 1], in the same float32
 * arithmetic order, so results agree with PyTorch to a few ulps.
 *
 * <p>Images are flat {@code float[]} in CHW order. One-channel images follow torchvision's tensor
 * rules: saturation and hue return the image unchanged, contrast blends with the mean of the image
 * itself, grayscale of one channel is the image. Other channel counts are refused by the colour
 * functions with a message naming the count.
 *
 * <p>Functions that need scratch memory keep it per thread, so they never allocate in steady state
 * and are safe to call from several threads.
 */
package dev.simclr.augment.functional;
