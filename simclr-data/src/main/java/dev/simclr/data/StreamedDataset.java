package dev.simclr.data;

import dev.simclr.api.EpochOrder;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A dataset that holds no pixels: {@link #copyPixels} reads and decodes the image when it is asked
 * for, on the caller's thread (the augmentation workers), so memory is bounded by the images being
 * prepared, not by the dataset. The pixels are those the in-memory loader would hold for the same
 * file.
 *
 * <p>An unreadable image is an error that names it; with {@code skip-unreadable} it is skipped
 * with a warning and counted, and the next readable image (in index order) is used in its place,
 * so batches keep their size and the same image always stands in for the same bad one.
 */
final class StreamedDataset implements ImageDataset, EpochOrder {

    private final String description;
    private final EncodedImages images;
    private final int channels;
    private final int size;
    private final boolean skipUnreadable;
    private final PrintStream log;
    private final ImageShape shape;
    private final List<String> classNames;
    private final BiFunction<Long, Integer, int[]> order;
    private final Set<Integer> skipped = ConcurrentHashMap.newKeySet();

    /**
     * @param size 0 keeps the images' size (the first readable image fixes it), otherwise resize + centre crop
     * @param order the epoch order (seed, epoch), or null for {@link EpochOrder#shuffled}
     */
    StreamedDataset(String description, EncodedImages images, int channels, int size, boolean skipUnreadable, PrintStream log,
            BiFunction<Long, Integer, int[]> order) throws IOException {
        this.description = description;
        this.images = images;
        this.channels = channels;
        this.size = size;
        this.skipUnreadable = skipUnreadable;
        this.log = log;
        this.order = order;
        this.classNames = images.classNames() == null ? List.of() : List.copyOf(images.classNames());
        this.shape = size > 0 ? new ImageShape(channels, size, size) : firstShape();
    }

    /** The shape of the first readable image (images that cannot be read before it count as skipped). */
    private ImageShape firstShape() throws IOException {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            try {
                ImageDecoder.Decoded d = images.decode(i, channels, 0);
                return new ImageShape(channels, d.height(), d.width());
            } catch (DatasetException e) {
                if (!skipUnreadable) {
                    throw unreadable(e);
                }
                skip(i, e);
                failures.add(e.getMessage());
            }
        }
        throw new DatasetException(images.where() + ": none of its " + images.size() + " images is a readable JPEG or PNG image"
                + (failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")"));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return images.size();
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
        return images.label(index);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int[] order(long seed, int epoch) {
        return order == null ? EpochOrder.shuffled(size(), seed, epoch) : order.apply(seed, epoch);
    }

    /** How many distinct images were skipped as unreadable so far. */
    int skippedCount() {
        return skipped.size();
    }

    @Override
    public void copyPixels(int index, byte[] dst, int offset) {
        int n = images.size();
        for (int tries = 0, i = index; tries < n; tries++, i = (i + 1) % n) {
            ImageDecoder.Decoded d;
            try {
                d = images.decode(i, channels, size);
            } catch (IOException e) {
                if (!skipUnreadable) {
                    throw failed(unreadable(e));
                }
                skip(i, e);
                continue;
            }
            if (d.height() != shape.height() || d.width() != shape.width()) {
                throw failed(new DatasetException(images.name(i) + " is " + d.width() + "x" + d.height()
                        + " but the dataset's images are " + shape.width() + "x" + shape.height()
                        + "; all images must share one size, or set size: N to resize and centre-crop them as they are read"));
            }
            System.arraycopy(d.chw(), 0, dst, offset, shape.size());
            return;
        }
        throw failed(new DatasetException(images.where() + ": none of its " + n + " images is readable"));
    }

    /** Unchecked (the augmentation workers call copyPixels), with the dataset error's own message. */
    private static UncheckedIOException failed(DatasetException e) {
        return new UncheckedIOException(e.getMessage(), e);
    }

    private void skip(int i, IOException e) {
        if (skipped.add(i)) {
            log.println("streamed dataset: warning: skipped unreadable image " + skipped.size() + " of " + images.where()
                    + ", the next readable one stands in for it: " + e.getMessage());
        }
    }

    private DatasetException unreadable(IOException e) {
        return new DatasetException(e.getMessage() + "; remove such files from " + images.where()
                + ", or set skip-unreadable: true to skip them with a warning", e);
    }
}
