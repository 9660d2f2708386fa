package dev.simclr.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compact in-memory form of a dataset: one uint8 array of N*C*H*W bytes (CHW per image) and an
 * int label per image. N images of CxHxW cost N*C*H*W bytes plus 4 bytes of label each.
 */
public final class ImageStore implements ImageDataset {

    private final String description;
    private final ImageShape shape;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param labels one per image, or null for unlabeled data
     * @param classNames names of the classes (null to number them from the labels)
     */
    public ImageStore(String description, ImageShape shape, byte[] pixels, int[] labels, List<String> classNames) {
        this.description = Objects.requireNonNull(description);
        this.shape = Objects.requireNonNull(shape);
        this.pixels = Objects.requireNonNull(pixels);
        if (pixels.length % shape.size() != 0) {
            throw new IllegalArgumentException(description + ": " + pixels.length + " bytes is not a whole number of " + shape + " images");
        }
        int n = pixels.length / shape.size();
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(description + ": " + labels.length + " labels for " + n + " images");
        }
        this.labels = labels;
        if (labels == null) {
            this.classNames = List.of();
        } else if (classNames != null) {
            this.classNames = List.copyOf(classNames);
        } else {
            int max = -1;
            for (int l : labels) {
                max = Math.max(max, l);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= max; i++) {
                names.add(Integer.toString(i));
            }
            this.classNames = List.copyOf(names);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return pixels.length / shape.size();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int numClasses() {
        return classNames.size();
    }

    @Override
    public int label(int index) {
        return labels == null ? -1 : labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public void copyPixels(int index, byte[] dst, int offset) {
        int n = shape.size();
        System.arraycopy(pixels, index * n, dst, offset, n);
    }

    /** Bytes held by this store (pixels and labels). */
    public long footprintBytes() {
        return pixels.length + (labels == null ? 0L : 4L * labels.length);
    }

    /** A new store holding the given images, in the given order. */
    public static ImageStore select(ImageDataset source, int[] indices, String description) {
        int n = source.shape().size();
        byte[] px = new byte[indices.length * n];
        int[] lb = source.labeled() ? new int[indices.length] : null;
        for (int i = 0; i < indices.length; i++) {
            source.copyPixels(indices[i], px, i * n);
            if (lb != null) {
                lb[i] = source.label(indices[i]);
            }
        }
        return new ImageStore(description, source.shape(), px, lb, source.labeled() ? source.classNames() : null);
    }
}
