package dev.simclr.data;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Whether a dataset is streamed ({@code stream: true}), decoded into memory ({@code false}), or
 * streamed when its decoded pixels would not fit comfortably ({@code auto}): over a quarter of the
 * JVM's maximum heap (the rest is left to the engine's copies, the batches and the evaluators'
 * features), or over the 2 GB one in-memory dataset can hold.
 */
final class StreamChoice {

    /** The share of the maximum heap the decoded pixels may take before {@code auto} streams. */
    static final double HEAP_SHARE = 0.25;

    private StreamChoice() {}

    /**
     * @param size the size images are resized to, or 0 to keep theirs (the first readable one is
     *     then decoded to learn it)
     */
    static boolean streams(String stream, EncodedImages images, int channels, int size, PrintStream log) throws IOException {
        if (!stream.equals("auto")) {
            return Boolean.parseBoolean(stream);
        }
        long perImage = channels * (long) (size > 0 ? size * size : firstPixels(images, channels));
        long bytes = perImage * images.size();
        long heap = Runtime.getRuntime().maxMemory();
        boolean streams = bytes > Integer.MAX_VALUE - 16 || bytes > HEAP_SHARE * heap;
        if (streams) {
            log.printf("%s: streaming %d images (decoded they would take %.1f GB, the heap is %.1f GB)%n",
                    images.where(), images.size(), bytes / 1e9, heap / 1e9);
        }
        return streams;
    }

    /** Height x width of the first readable image, 0 when none is (the in-memory loader then reports why). */
    private static long firstPixels(EncodedImages images, int channels) {
        for (int i = 0; i < Math.min(images.size(), 16); i++) {
            try {
                ImageDecoder.Decoded d = images.decode(i, channels, 0);
                return (long) d.height() * d.width();
            } catch (IOException e) {
                // the loader names unreadable files; keep looking for one to measure
            }
        }
        return 0;
    }
}
