package dev.simclr.api;

/**
 * Extracted features of one split, row-major.
 *
 * @param data {@code count * dim} floats, row i is image i
 * @param count number of images
 * @param dim feature size
 * @param labels label per image (-1 when unlabeled)
 * @param numClasses number of classes
 */
public record Features(float[] data, int count, int dim, int[] labels, int numClasses) {

    public Features {
        if (data.length != (long) count * dim) {
            throw new IllegalArgumentException("features: " + data.length + " floats for " + count + " x " + dim);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("features: " + labels.length + " labels for " + count + " rows");
        }
    }
}
