package dev.simclr.data;

import java.io.IOException;
import java.util.List;

/**
 * Encoded (JPEG or PNG) images that are read and decoded one at a time, by index, from any
 * thread: the files of an image folder, or the members of tar shards.
 */
interface EncodedImages {

    /** Where they are, for descriptions and errors. */
    String where();

    int size();

    /** What to call image {@code i} in an error: its file, or its shard and member. */
    String name(int i);

    /** Class of image {@code i}, or -1 when unlabeled. */
    int label(int i);

    /** Names of the classes, or null when unlabeled. */
    List<String> classNames();

    /**
     * Reads and decodes image {@code i}.
     *
     * @param size 0 to keep the image's own size, otherwise resize and centre-crop to it
     * @throws DatasetException when it is not a readable JPEG or PNG image
     */
    ImageDecoder.Decoded decode(int i, int channels, int size) throws IOException;
}
