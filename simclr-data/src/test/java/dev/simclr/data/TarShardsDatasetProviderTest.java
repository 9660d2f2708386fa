package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.EpochOrder;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Params;
import java.io.IOException;
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

class TarShardsDatasetProviderTest {

    @TempDir
    Path dir;

    private static Params params(Path path, Object... more) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", path.toString());
        v.put("channels", "3");
        v.put("skip-unreadable", false);
        v.put("shuffle-buffer", 8);
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return Params.of("data.train", v);
    }

    private static ImageDataset open(Params p) throws IOException {
        return new TarShardsDatasetProvider().open(p);
    }

    private static byte[] cls(int c) {
        return Integer.toString(c).getBytes(StandardCharsets.US_ASCII);
    }

    /** 40 generated 32 px images in shards of 16, and the same images as a folder. */
    private Path shards() throws IOException {
        Path shards = dir.resolve("shards");
        SyntheticImages.writeShards(shards, 40, 32, 4, 16, 7);
        return shards;
    }

    @Test
    void shardsHoldTheGeneratedImagesWithTheirClassesAndTheFolderPixels() throws IOException {
        Path shards = shards();
        Path folder = dir.resolve("folder");
        SyntheticImages.writeFolder(folder, 40, 32, 4, 7);
        ImageDataset tar = open(params(shards));
        assertInstanceOf(StreamedDataset.class, tar);
        assertEquals(40, tar.size());
        assertEquals(List.of("0", "1", "2", "3"), tar.classNames());
        byte[] a = new byte[tar.shape().size()];
        byte[] b = new byte[tar.shape().size()];
        for (int i = 0; i < 40; i++) {
            assertEquals(i % 4, tar.label(i), "class of sample " + i);
            tar.copyPixels(i, a, 0);
            Path file = folder.resolve(SyntheticImages.className(i % 4)).resolve(String.format("%06d.jpg", i));
            assertArrayEquals(ImageDecoder.decode(file, 3, 0).chw(), a, "pixels of sample " + i);
        }
        tar.copyPixels(0, b, 0);
        assertFalse(Arrays.equals(a, b), "samples differ");
    }

    @Test
    void epochOrderVisitsEverySampleOnceIsSeededAndChangesWithTheEpoch() throws IOException {
        ImageDataset tar = open(params(shards()));
        int[] e0 = EpochOrder.of(tar, 3, 0);
        int[] sorted = e0.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 40; i++) {
            assertEquals(i, sorted[i], "a permutation");
        }
        assertArrayEquals(e0, EpochOrder.of(open(params(shards())), 3, 0), "the same seed and epoch give the same order");
        assertFalse(Arrays.equals(e0, EpochOrder.of(tar, 3, 1)), "another epoch, another order");
        assertFalse(Arrays.equals(e0, EpochOrder.of(tar, 4, 0)), "another seed, another order");
    }

    @Test
    void withoutAShuffleBufferShardsAreReadFrontToBackInASeededShardOrder() throws IOException {
        ImageDataset tar = open(params(shards(), "shuffle-buffer", 1));
        int[] order = EpochOrder.of(tar, 3, 0);
        int[] starts = {0, 16, 32, 40};
        int at = 0;
        boolean[] seen = new boolean[3];
        while (at < 40) {
            int shard = order[at] < 16 ? 0 : order[at] < 32 ? 1 : 2;
            assertFalse(seen[shard], "shard " + shard + " is read in one go");
            seen[shard] = true;
            for (int i = starts[shard]; i < starts[shard + 1]; i++) {
                assertEquals(i, order[at++], "samples of shard " + shard + " in their stored order");
            }
        }
    }

    @Test
    void shuffleBufferOnlyMovesSamplesWithinItsReach() throws IOException {
        int[] order = ShardOrder.of(new int[] {0, 100}, 8, 9, 0);
        for (int pos = 0; pos < 100; pos++) {
            assertTrue(order[pos] <= pos + 7, "sample " + order[pos] + " cannot come out before it enters the 8-sample buffer");
        }
        assertFalse(Arrays.equals(order, ShardOrder.of(new int[] {0, 100}, 1, 9, 0)), "the buffer mixes");
    }

    @Test
    void longNamesAndPaxPathsKeyTheirSamples() throws IOException {
        byte[] jpg = SyntheticImages.jpeg(0, 8, 1);
        String longKey = "a/" + "x".repeat(120);
        Path tar = DataFiles.write(dir.resolve("one.tar"), DataFiles.tar(
                "L:././@LongLink", (longKey + ".jpg\0").getBytes(StandardCharsets.UTF_8), "truncated-name", jpg,
                "L:././@LongLink", (longKey + ".cls\0").getBytes(StandardCharsets.UTF_8), "truncated-name2", cls(2),
                "x:PaxHeader", "30 path=b/sample.with.dots.png\n".getBytes(StandardCharsets.UTF_8), "ignored", jpg,
                "b/sample.cls", cls(1)));
        ImageDataset ds = open(params(tar));
        assertEquals(2, ds.size(), "the long-named sample, and the pax-named one that the next member's key joins");
        assertEquals(2, ds.label(0));
        assertEquals(1, ds.label(1));
    }

    @Test
    void sampleWithoutAnImageIsAnErrorNamingShardAndKey() throws IOException {
        Path tar = DataFiles.write(dir.resolve("one.tar"), DataFiles.tar("k1.jpg", SyntheticImages.jpeg(0, 8, 1), "k1.cls", cls(0),
                "k2.cls", cls(1)));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(tar)));
        assertTrue(e.getMessage().startsWith(tar + ": sample k2 has no image"), e.getMessage());
    }

    @Test
    void truncatedShardIsAnErrorNamingIt() throws IOException {
        byte[] whole = DataFiles.tar("k1.jpg", SyntheticImages.jpeg(0, 32, 1));
        Path tar = DataFiles.write(dir.resolve("cut.tar"), Arrays.copyOf(whole, 700));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(tar)));
        assertTrue(e.getMessage().startsWith(tar + ": truncated"), e.getMessage());
    }

    @Test
    void fileThatIsNotATarIsAnErrorNamingIt() throws IOException {
        Path tar = DataFiles.write(dir.resolve("fake.tar"), DataFiles.randomBytes(2048, 3));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(tar)));
        assertTrue(e.getMessage().startsWith(tar + ": damaged tar header at byte 0"), e.getMessage());
    }

    @Test
    void classThatIsNotANumberAndMixedLabelsAreErrors() throws IOException {
        byte[] jpg = SyntheticImages.jpeg(0, 8, 1);
        Path word = DataFiles.write(dir.resolve("word.tar"), DataFiles.tar("k.jpg", jpg, "k.cls", "cat".getBytes(StandardCharsets.UTF_8)));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(word)));
        assertTrue(e.getMessage().contains(word + ":k.cls: the class must be a number"), e.getMessage());
        Path mixed = DataFiles.write(dir.resolve("mixed.tar"), DataFiles.tar("a.jpg", jpg, "a.cls", cls(0), "b.jpg", jpg));
        e = assertThrows(DatasetException.class, () -> open(params(mixed)));
        assertTrue(e.getMessage().contains("1 of 2 samples have a .cls member") && e.getMessage().contains(mixed + ":b"), e.getMessage());
    }

    @Test
    void undecodableImageIsNamedOrSkippedAndCounted() throws IOException {
        byte[] jpg = SyntheticImages.jpeg(0, 8, 1);
        Path tar = DataFiles.write(dir.resolve("bad.tar"), DataFiles.tar("a.jpg", jpg, "b.jpg", "garbage".getBytes(StandardCharsets.UTF_8),
                "c.jpg", SyntheticImages.jpeg(1, 8, 1)));
        ImageDataset strict = open(params(tar));
        byte[] px = new byte[strict.shape().size()];
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> strict.copyPixels(1, px, 0));
        assertTrue(e.getMessage().startsWith(tar + " (the image at byte "), e.getMessage());
        StreamedDataset skipping = (StreamedDataset) open(params(tar, "skip-unreadable", true));
        byte[] c = new byte[px.length];
        skipping.copyPixels(1, px, 0);
        skipping.copyPixels(2, c, 0);
        assertArrayEquals(c, px, "the next sample stands in");
        assertEquals(1, skipping.skippedCount());
    }

    @Test
    void folderOfShardsIsReadInNameOrderAndAnEmptyOneIsAnError() throws IOException {
        Path shards = shards();
        assertEquals(List.of("shard-000000.tar", "shard-000001.tar", "shard-000002.tar"),
                TarShardsDatasetProvider.shards(shards).stream().map(p -> p.getFileName().toString()).toList());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(empty)));
        assertTrue(e.getMessage().startsWith(empty + ": holds no .tar files"), e.getMessage());
    }
}
