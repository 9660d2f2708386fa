package dev.simclr.augment;

/**
 * A crop rectangle in torchvision's {@code (i, j, h, w)} order: top row, left column, height, width.
 */
public record CropBox(int top, int left, int height, int width) {
}
