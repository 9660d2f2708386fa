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

    /** The given rows, in that order, as features of their own. */
    public Features rows(int[] rows) {
        float[] x = new float[rows.length * dim];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data, rows[i] * dim, x, i * dim, dim);
            y[i] = labels[rows[i]];
        }
        return new Features(x, rows.length, dim, y, numClasses);
    }
}
