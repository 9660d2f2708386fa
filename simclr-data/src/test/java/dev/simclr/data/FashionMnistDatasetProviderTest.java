package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistDatasetProviderTest {

    @TempDir
    Path dir;

    private static Params params(String split, String source, Path path) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("split", split);
        v.put("source", source);
        if (path != null) {
            v.put("path", path.toString());
        }
        return Params.of("data.train", v);
    }

    private static int[] perClassCounts(ImageDataset ds) {
        int[] counts = new int[ds.numClasses()];
        for (int i = 0; i < ds.size(); i++) {
            counts[ds.label(i)]++;
        }
        return counts;
    }

    @Test
    void builtinTrainIsTenThousandImagesOneThousandPerClass() throws IOException {
        ImageDataset train = new FashionMnistDatasetProvider().open(params("train", "builtin", null));
        assertEquals(10_000, train.size());
        assertEquals("1x28x28", train.shape().toString());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                train.classNames());
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, 1000);
        assertArrayEquals(expected, perClassCounts(train));
    }

    @Test
    void builtinTestIsThreeThousandImagesThreeHundredPerClass() throws IOException {
        ImageDataset test = new FashionMnistDatasetProvider().open(params("test", "builtin", null));
        assertEquals(3000, test.size());
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, 300);
        assertArrayEquals(expected, perClassCounts(test));
        // The subset keeps the full set's order, where classes are interleaved, not sorted.
        assertTrue(test.label(0) != test.label(1) || test.label(1) != test.label(2));
    }

    @Test
    void loadedDatasetCostsOneBytePerPixelPlusOneIntPerLabel() throws IOException {
        ImageStore train = (ImageStore) new FashionMnistDatasetProvider().open(params("train", "builtin", null));
        assertEquals(10_000L * 28 * 28 + 4L * 10_000, train.footprintBytes());
    }

    @Test
    void systemSourceWithoutDebianPackageNamesThePackageToInstall() {
        Path absent = dir.resolve("fashion-mnist");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> new FashionMnistDatasetProvider(absent).open(params("train", "system", null)));
        assertTrue(e.getMessage().startsWith(absent + ": not found"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("source: builtin"), e.getMessage());
    }

    @Test
    void systemSourceAndPathOverrideReadIdxFilesWithFashionMnistClassNames() throws IOException {
        Path folder = dir.resolve("full");
        DataFiles.write(folder.resolve("t10k-images-idx3-ubyte.gz"), DataFiles.gzip(DataFiles.idxImages(2, 28, 28, new byte[2 * 784])));
        DataFiles.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), DataFiles.gzip(DataFiles.idxLabels(9, 0)));
        ImageDataset system = new FashionMnistDatasetProvider(folder).open(params("test", "system", null));
        assertEquals(2, system.size());
        assertEquals("Ankle boot", system.classNames().get(system.label(0)));
        ImageDataset overridden = new FashionMnistDatasetProvider(dir.resolve("absent")).open(params("test", "system", folder));
        assertEquals(2, overridden.size());
        assertEquals(10, overridden.numClasses());
    }

    @Test
    void shippedSubsetIsTheSeededStratifiedChoiceFromTheFullSet() throws IOException {
        Path full = FashionMnistDatasetProvider.SYSTEM_DIR;
        assumeTrue(Files.isDirectory(full), "needs Debian's dataset-fashion-mnist");
        for (String split : List.of("train", "test")) {
            ImageStore remade = FashionMnistSubsetMaker.subset(full, split);
            ImageDataset shipped = FashionMnistDatasetProvider.openBuiltin(split);
            assertEquals(remade.size(), shipped.size());
            byte[] a = new byte[784];
            byte[] b = new byte[784];
            for (int i = 0; i < remade.size(); i++) {
                assertEquals(remade.label(i), shipped.label(i), split + " label " + i);
                remade.copyPixels(i, a, 0);
                shipped.copyPixels(i, b, 0);
                assertArrayEquals(a, b, split + " image " + i);
            }
        }
    }

    @Test
    void subsetMakerWritesFilesTheProviderReads() throws IOException {
        Path full = dir.resolve("full");
        int n = 30;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        byte[] px = DataFiles.randomBytes(n * 4, 3);
        IdxWriter.writeImages(Files.createDirectories(full).resolve("train-images-idx3-ubyte"), n, 2, 2, px, false);
        IdxWriter.writeLabels(full.resolve("train-labels-idx1-ubyte"), labels, false);
        ImageStore all = IdxDatasetProvider.openFolder(full, "train", FashionMnistDatasetProvider.CLASS_NAMES, "full");
        int[] chosen = StratifiedSampler.perClass(all, 2, 5);
        ImageStore subset = ImageStore.select(all, chosen, "subset");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        FashionMnistSubsetMaker.write(subset, out, "train");
        ImageDataset back = new FashionMnistDatasetProvider(dir.resolve("absent")).open(params("train", "builtin", out));
        assertEquals(20, back.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(subset.label(i), back.label(i));
        }
    }
}
