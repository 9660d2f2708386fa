package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.plugin.PluginRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetOpenerTest {

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of(List.of(
            new IdxDatasetProvider(), new FashionMnistDatasetProvider(), new Cifar10DatasetProvider(),
            new Cifar100DatasetProvider(), new ImageFolderDatasetProvider()));

    private static ComponentConfig fashion(String split, Object... common) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("split", split);
        v.put("source", "builtin");
        for (int i = 0; i < common.length; i += 2) {
            v.put((String) common[i], common[i + 1]);
        }
        return new ComponentConfig("fashion-mnist", Params.of("data.train", v));
    }

    private static int[] labels(ImageDataset ds) {
        int[] out = new int[ds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ds.label(i);
        }
        return out;
    }

    @Test
    void providersAreFoundThroughServiceLoader() {
        List<String> names = new java.util.ArrayList<>();
        for (DatasetProvider p : java.util.ServiceLoader.load(DatasetProvider.class, getClass().getClassLoader())) {
            names.add(p.name());
        }
        assertTrue(names.containsAll(List.of("idx", "fashion-mnist", "cifar10", "cifar100", "image-folder")), names.toString());
    }

    @Test
    void limitKeepsTheFirstImages() throws IOException {
        ImageDataset all = DatasetOpener.open(registry, fashion("test"), 1);
        ImageDataset first = DatasetOpener.open(registry, fashion("test", "limit", 25), 1);
        assertEquals(25, first.size());
        byte[] a = new byte[784];
        byte[] b = new byte[784];
        for (int i = 0; i < 25; i++) {
            all.copyPixels(i, a, 0);
            first.copyPixels(i, b, 0);
            assertArrayEquals(a, b);
            assertEquals(all.label(i), first.label(i));
        }
        assertEquals(3000, DatasetOpener.open(registry, fashion("test", "limit", 5000), 1).size());
    }

    @Test
    void perClassDrawsEvenlyAndDependsOnlyOnTheSeed() throws IOException {
        ImageDataset drawn = DatasetOpener.open(registry, fashion("test", "per-class", 7), 42);
        assertEquals(70, drawn.size());
        int[] counts = new int[10];
        for (int l : labels(drawn)) {
            counts[l]++;
        }
        assertArrayEquals(new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, counts);
        ImageDataset again = DatasetOpener.open(registry, fashion("test", "per-class", 7), 42);
        ImageDataset other = DatasetOpener.open(registry, fashion("test", "per-class", 7), 43);
        byte[] a = new byte[70 * 784];
        byte[] b = new byte[70 * 784];
        byte[] c = new byte[70 * 784];
        for (int i = 0; i < 70; i++) {
            drawn.copyPixels(i, a, i * 784);
            again.copyPixels(i, b, i * 784);
            other.copyPixels(i, c, i * 784);
        }
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        assertTrue(drawn.description().contains("7 per class (seed 42)"), drawn.description());
    }

    @Test
    void perClassAppliesAfterLimitAndFailsWhenAClassIsShort() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetOpener.open(registry, fashion("test", "limit", 30, "per-class", 5), 1));
        assertTrue(e.getMessage().startsWith("fashion-mnist builtin test, first 30: per-class 5 asks for 5 images of every class,"
                + " but class "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; lower per-class or use limit"), e.getMessage());
        assertThrows(DatasetException.class, () -> DatasetOpener.open(registry, fashion("test", "per-class", 301), 1));
        assertEquals(3000, DatasetOpener.open(registry, fashion("test", "per-class", 300), 1).size());
    }

    @Test
    void perClassOnUnlabeledImagesIsAClearError() throws IOException {
        for (int i = 0; i < 3; i++) {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(i + ".png").toFile());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", dir.toString());
        v.put("channels", "3");
        v.put("skip-unreadable", false);
        v.put("per-class", 2);
        ComponentConfig config = new ComponentConfig("image-folder", Params.of("data.train", v));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetOpener.open(registry, config, 1));
        assertEquals("data.train.per-class: image-folder " + dir + " is unlabeled, so there are no classes to draw from;"
                + " use limit instead, or arrange the images in one sub-folder per class", e.getMessage());
        v.remove("per-class");
        v.put("limit", 2);
        assertEquals(2, DatasetOpener.open(registry, new ComponentConfig("image-folder", Params.of("data.train", v)), 1).size());
    }

    @Test
    void providerNeverSeesTheCommonOptions() throws IOException {
        DatasetProvider spy = new DatasetProvider() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public String description() {
                return "records its params";
            }

            @Override
            public List<dev.simclr.api.Param> parameters() {
                return List.of();
            }

            @Override
            public ImageDataset open(Params params) throws IOException {
                assertEquals(Map.of("x", 1), params.values());
                return FashionMnistDatasetProvider.openBuiltin("test");
            }
        };
        ComponentConfig config = new ComponentConfig("spy", Params.of("data.test", Map.of("x", 1, "limit", 3)));
        assertEquals(3, DatasetOpener.open(PluginRegistry.of(List.of(spy)), config, 0).size());
    }

    @Test
    void foundOnThisMachineListsTheBuiltinSubsetAndTheSystemSet() throws IOException {
        List<String> absent = FashionMnistDatasetProvider.status(dir.resolve("none"));
        assertEquals("fashion-mnist (source: builtin): 10000 train + 3000 test images, 1x28x28, 10 classes, shipped inside simclr",
                absent.get(0));
        assertEquals("fashion-mnist (source: system): not installed; for the full 70000 images install Debian's package"
                + " dataset-fashion-mnist", absent.get(1));

        IdxWriter.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), 2, 1, 1, new byte[2], true);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {0, 1}, true);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), 1, 1, 1, new byte[1], true);
        IdxWriter.writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {0}, true);
        assertEquals("fashion-mnist (source: system): 2 train + 1 test images in " + dir + " (Debian package dataset-fashion-mnist)",
                FashionMnistDatasetProvider.status(dir).get(1));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertTrue(FashionMnistDatasetProvider.status(dir).get(1).contains("is incomplete"));
        assertEquals(2, new FashionMnistDatasetProvider().status().size());
    }
}
