package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamChoiceTest {

    /** {@code n} images that are never read (a target size is given, so none needs decoding). */
    private static EncodedImages unread(int n) {
        return new EncodedImages() {
            @Override
            public String where() {
                return "/data/photos";
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public String name(int i) {
                return "photo " + i;
            }

            @Override
            public int label(int i) {
                return -1;
            }

            @Override
            public List<String> classNames() {
                return null;
            }

            @Override
            public ImageDecoder.Decoded decode(int i, int channels, int size) {
                throw new AssertionError("auto decides from the count and the target size alone");
            }
        };
    }

    @Test
    void autoStreamsWhatWouldNotFitAndSaysWhy() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // ImageNet's 1.28 million images at 224 px: about 193 GB decoded
        assertTrue(StreamChoice.streams("auto", unread(1_281_167), 3, 224, new PrintStream(log, true, StandardCharsets.UTF_8)));
        String line = log.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("/data/photos: streaming 1281167 images (decoded they would take 192.9 GB"), line);
    }

    @Test
    void autoKeepsInMemoryWhatTakesLittleOfTheHeap() throws IOException {
        long heapShare = (long) (StreamChoice.HEAP_SHARE * Runtime.getRuntime().maxMemory());
        int fits = (int) Math.min(Integer.MAX_VALUE - 16L, heapShare) / (3 * 32 * 32) / 2;
        assertFalse(StreamChoice.streams("auto", unread(fits), 3, 32, System.err));
        assertTrue(StreamChoice.streams("auto", unread(3 * fits), 3, 32, System.err), "over the share of the heap");
    }

    @Test
    void trueAndFalseAreObeyedWhateverTheSize() throws IOException {
        assertTrue(StreamChoice.streams("true", unread(1), 3, 32, System.err));
        assertFalse(StreamChoice.streams("false", unread(1_281_167), 3, 224, System.err));
    }
}
