package dev.simclr.api;

import java.util.List;

/**
 * Random access to decoded images of one split, stored as uint8 CHW (never as floats per image),
 * with labels when the data has them.
 */
public interface ImageDataset {

    /** Where it came from, for logs and errors (e.g. {@code idx /data/fashion-mnist train}). */
    String description();

    int size();

    /** Shape of every image. */
    ImageShape shape();

    /** Number of classes, 0 when unlabeled. */
    int numClasses();

    /** Label of image {@code index} in [0, numClasses), or -1 when unlabeled. */
    int label(int index);

    /** Class names (size numClasses), or generated names when the data has none. */
    List<String> classNames();

    /** Copies image {@code index} as uint8 CHW into {@code dst} at {@code offset}. */
    void copyPixels(int index, byte[] dst, int offset);

    default boolean labeled() {
        return numClasses() > 0;
    }
}
