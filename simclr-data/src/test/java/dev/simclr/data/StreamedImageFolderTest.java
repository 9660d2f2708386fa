package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.EpochOrder;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import dev.simclr.api.Params;
import dev.simclr.augment.ColorJitter;
import dev.simclr.augment.RandomHorizontalFlip;
import dev.simclr.augment.RandomResizedCrop;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedImageFolderTest {

    @TempDir
    Path dir;

    private static Params params(Path path, String stream, Object... more) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", path.toString());
        v.put("channels", "3");
        v.put("skip-unreadable", false);
        v.put("stream", stream);
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return Params.of("data.train", v);
    }

    private static ImageDataset open(Params p) throws IOException {
        return new ImageFolderDatasetProvider().open(p);
    }

    /** 40 generated 32 px JPEGs in 4 class folders. */
    private Path folder() throws IOException {
        Path root = dir.resolve("images");
        SyntheticImages.writeFolder(root, 40, 32, 4, 7);
        return root;
    }

    @Test
    void streamedFolderHoldsTheSameImagesLabelsAndPixelsAsTheDecodedOne() throws IOException {
        Path root = folder();
        for (Object size : new Object[] {null, 24}) {
            ImageDataset memory = open(size == null ? params(root, "false") : params(root, "false", "size", size));
            ImageDataset streamed = open(size == null ? params(root, "true") : params(root, "true", "size", size));
            assertInstanceOf(ImageStore.class, memory);
            assertInstanceOf(StreamedDataset.class, streamed);
            assertEquals(memory.size(), streamed.size());
            assertEquals(memory.shape(), streamed.shape());
            assertEquals(memory.classNames(), streamed.classNames());
            byte[] a = new byte[memory.shape().size()];
            byte[] b = new byte[memory.shape().size()];
            for (int i = 0; i < memory.size(); i++) {
                assertEquals(memory.label(i), streamed.label(i), "label of image " + i);
                memory.copyPixels(i, a, 0);
                streamed.copyPixels(i, b, 0);
                assertArrayEquals(a, b, "pixels of image " + i + " at size " + size);
            }
        }
    }

    @Test
    void streamedAndInMemoryFoldersGiveIdenticalBatchesForOneSeed() throws Exception {
        Path root = folder();
        ImageDataset memory = open(params(root, "false"));
        ImageDataset streamed = open(params(root, "true"));
        long seed = 5;
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = EpochOrder.of(memory, seed, epoch);
            assertArrayEquals(order, EpochOrder.of(streamed, seed, epoch), "epoch order " + epoch);
            int[] batch = Arrays.copyOf(order, 16);
            assertArrayEquals(views(memory, seed, epoch, batch), views(streamed, seed, epoch, batch), "batch of epoch " + epoch);
        }
    }

    /** Both views of a batch through the tutorial's kind of pipeline, on two workers. */
    static float[] views(ImageDataset data, long seed, int epoch, int[] batch) throws Exception {
        try (TwoViewPipeline p = new TwoViewPipeline(data, List.of(new RandomResizedCrop(24, 0.08, 1.0, 3.0 / 4, 4.0 / 3, true),
                new RandomHorizontalFlip(0.5), new ColorJitter(0.8, 0.8, 0.8, 0.2, 0.8)), 2, seed)) {
            TwoViewBatch b = p.submit(epoch, batch).get();
            float[] copy = Arrays.copyOf(b.data(), b.data().length);
            b.release();
            return copy;
        }
    }

    @Test
    void autoKeepsASmallFolderInMemory() throws IOException {
        assertInstanceOf(ImageStore.class, open(params(folder(), "auto")));
    }

    @Test
    void unreadableFileIsAnErrorNamingItWhenItIsRead() throws IOException {
        Path root = folder();
        Path bad = Files.writeString(root.resolve("class_01").resolve("000005.jpg"), "not an image");
        ImageDataset streamed = open(params(root, "true"));
        int index = indexOf(streamed, bad);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> streamed.copyPixels(index, new byte[streamed.shape().size()], 0));
        assertInstanceOf(DatasetException.class, e.getCause());
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("skip-unreadable: true"), e.getMessage());
    }

    @Test
    void skipUnreadableUsesTheNextReadableImageAndCountsTheSkippedOnes() throws IOException {
        Path root = folder();
        Path bad = Files.writeString(root.resolve("class_01").resolve("000005.jpg"), "not an image");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FolderListing listing = FolderListing.of(root);
        StreamedDataset streamed = new StreamedDataset("t", listing, 3, 0, true, new PrintStream(err, true, StandardCharsets.UTF_8), null);
        int index = listing.files().indexOf(bad);
        byte[] got = new byte[streamed.shape().size()];
        byte[] next = new byte[streamed.shape().size()];
        streamed.copyPixels(index, got, 0);
        streamed.copyPixels(index, got, 0);
        streamed.copyPixels(index + 1, next, 0);
        assertArrayEquals(next, got, "the next image stands in for the unreadable one");
        assertEquals(1, streamed.skippedCount(), "one file skipped, however often it is asked for");
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("warning: skipped unreadable image 1 of " + root) && log.contains(bad.toString()), log);
    }

    @Test
    void limitAndPerClassOfAStreamedFolderStayStreamed() throws IOException {
        Path root = folder();
        ImageDataset streamed = open(params(root, "true"));
        ImageDataset memory = open(params(root, "false"));
        ImageDataset first = DatasetSubset.select(streamed, new int[] {3, 1}, "two");
        assertInstanceOf(DatasetSubset.class, first);
        assertInstanceOf(ImageStore.class, DatasetSubset.select(memory, new int[] {3, 1}, "two"));
        byte[] a = new byte[memory.shape().size()];
        byte[] b = new byte[memory.shape().size()];
        memory.copyPixels(1, a, 0);
        first.copyPixels(1, b, 0);
        assertArrayEquals(a, b);
        assertEquals(memory.label(3), first.label(0));
    }

    private static int indexOf(ImageDataset data, Path file) throws IOException {
        return FolderListing.of(file.getParent().getParent()).files().indexOf(file);
    }
}
