package dev.simclr.augment;

/**
 * One draw of {@code ColorJitter.get_params}: the order in which the four adjustments run
 * (0 brightness, 1 contrast, 2 saturation, 3 hue) and their factors; NaN marks an adjustment whose
 * range is empty (torchvision's None), which is skipped.
 */
public record JitterFactors(int[] order, double brightness, double contrast, double saturation, double hue) {
}
