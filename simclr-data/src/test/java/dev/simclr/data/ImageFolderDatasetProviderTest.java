package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import dev.simclr.api.Params;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetProviderTest {

    @TempDir
    Path dir;

    /** An RGB image where pixel (x, y) is (seed + x, 10 * y, 200 - x - y). */
    private static BufferedImage rgb(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((seed + x) << 16) | ((10 * y) << 8) | (200 - x - y));
            }
        }
        return img;
    }

    private static Path png(Path file, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static Params params(Path path, Object... more) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", path.toString());
        v.put("channels", "3");
        v.put("skip-unreadable", false);
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return Params.of("data.train", v);
    }

    private static ImageDataset open(Params p) throws IOException {
        return new ImageFolderDatasetProvider().open(p);
    }

    @Test
    void classFoldersBecomeLabelsInNameOrderWithExactPixels() throws IOException {
        png(dir.resolve("zebra/1.png"), rgb(4, 3, 0));
        png(dir.resolve("apple/b.png"), rgb(4, 3, 20));
        png(dir.resolve("apple/a.png"), rgb(4, 3, 10));
        png(dir.resolve("apple/nested/c.png"), rgb(4, 3, 30));
        Files.writeString(dir.resolve("apple/.DS_Store"), "finder junk");
        ImageDataset ds = open(params(dir));
        assertEquals(List.of("apple", "zebra"), ds.classNames());
        assertEquals(4, ds.size());
        assertEquals("3x3x4", ds.shape().toString());
        int[] labels = {ds.label(0), ds.label(1), ds.label(2), ds.label(3)};
        assertArrayEquals(new int[] {0, 0, 0, 1}, labels);
        byte[] px = new byte[36];
        ds.copyPixels(0, px, 0); // apple/a.png
        // red plane, row 2, column 1: 10 + 1; green row 2: 20; blue (1, 2): 197
        assertEquals(11, px[2 * 4 + 1] & 0xff);
        assertEquals(20, px[12 + 2 * 4 + 1] & 0xff);
        assertEquals(197, px[24 + 2 * 4 + 1] & 0xff);
        ds.copyPixels(2, px, 0); // apple/nested/c.png
        assertEquals(30, px[0] & 0xff);
    }

    @Test
    void flatFolderIsUnlabeled() throws IOException {
        for (int i = 0; i < 5; i++) {
            png(dir.resolve("img" + i + ".png"), rgb(8, 8, i));
        }
        ImageDataset ds = open(params(dir));
        assertEquals(5, ds.size());
        assertFalse(ds.labeled());
        assertEquals(-1, ds.label(0));
    }

    @Test
    void grayscalePngKeepsItsValuesAndRgbBecomesLumaForOneChannel() throws IOException {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {0, 17, 100, 128, 200, 255});
        png(dir.resolve("a/gray.png"), gray);
        BufferedImage color = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 6; i++) {
            color.setRGB(i % 3, i / 3, 0xff0000 >> (8 * (i % 3)) | (i == 5 ? 0xffffff : 0));
        }
        png(dir.resolve("b/color.png"), color);
        ImageDataset ds = open(params(dir, "channels", "1"));
        byte[] px = new byte[6];
        ds.copyPixels(0, px, 0);
        assertArrayEquals(new byte[] {0, 17, 100, (byte) 128, (byte) 200, (byte) 255}, px);
        ds.copyPixels(1, px, 0);
        // PIL's L = (19595 R + 38470 G + 7471 B + 32768) >> 16: pure red 76, green 150, blue 29, white 255
        assertArrayEquals(new byte[] {76, (byte) 150, 29, 76, (byte) 150, (byte) 255}, px);

        ImageDataset three = open(params(dir, "channels", "3"));
        byte[] rgbPx = new byte[18];
        three.copyPixels(0, rgbPx, 0);
        assertEquals(17, rgbPx[1]);
        assertEquals(17, rgbPx[6 + 1]);
        assertEquals(17, rgbPx[12 + 1]);
    }

    @Test
    void sizeResizesTheShorterSideAndCropsTheCentre() throws IOException {
        BufferedImage wide = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                // black margins; the 24 centre columns, which the crop's filter taps reach, a flat colour
                wide.setRGB(x, y, x >= 8 && x < 32 ? 0x336699 : 0);
            }
        }
        png(dir.resolve("wide.png"), wide);
        png(dir.resolve("tall.png"), rgb(7, 30, 0));
        ImageStore ds = (ImageStore) open(params(dir, "size", 10));
        assertEquals("3x10x10", ds.shape().toString());
        assertEquals(2L * 3 * 10 * 10, ds.footprintBytes());
        byte[] px = new byte[300];
        ds.copyPixels(1, px, 0); // wide.png: 40x20 -> 20x10, crop columns 5..14 = the flat centre
        for (int i = 0; i < 100; i++) {
            assertEquals(0x33, px[i] & 0xff);
            assertEquals(0x66, px[100 + i] & 0xff);
            assertEquals(0x99, px[200 + i] & 0xff);
        }
    }

    @Test
    void jpegImagesAreRead() throws IOException {
        Path file = dir.resolve("photos/cat.jpg");
        Files.createDirectories(file.getParent());
        ImageIO.write(rgb(16, 16, 50), "jpeg", file.toFile());
        ImageDataset ds = open(params(dir));
        assertEquals("3x16x16", ds.shape().toString());
        byte[] px = new byte[768];
        ds.copyPixels(0, px, 0);
        assertTrue(Math.abs((px[0] & 0xff) - 50) < 12, "red near 50, got " + (px[0] & 0xff));
    }

    @Test
    void manyFilesDecodeInParallelIntoTheirOwnSlots() throws IOException {
        for (int i = 0; i < 60; i++) {
            png(dir.resolve(String.format("c%d/%03d.png", i % 3, i)), rgb(5, 5, i));
        }
        ImageDataset ds = open(params(dir));
        assertEquals(60, ds.size());
        byte[] px = new byte[75];
        for (int i = 0; i < 60; i++) {
            ds.copyPixels(i, px, 0);
            int cls = i / 20;
            int file = cls + 3 * (i % 20);
            assertEquals(file, px[0] & 0xff, "image " + i);
            assertEquals(cls, ds.label(i));
        }
    }

    @Test
    void nonImageFileIsAnErrorNamingItUnlessSkipped() throws IOException {
        png(dir.resolve("a/1.png"), rgb(4, 4, 0));
        png(dir.resolve("a/2.png"), rgb(4, 4, 1));
        png(dir.resolve("b/1.png"), rgb(4, 4, 2));
        Path notes = Files.writeString(dir.resolve("b/notes.txt"), "not an image");
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertEquals(notes + ": not a JPEG or PNG image (no image reader recognises it); remove such files from " + dir
                + ", or set skip-unreadable: true to skip them with a warning", e.getMessage());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImageStore ds = new ImageFolderLoader(dir, 3, 0, true, new PrintStream(err, true)).load("t");
        assertEquals(3, ds.size());
        assertEquals(1, ds.label(2));
        assertTrue(err.toString().contains("skipped 1 unreadable file of 4 in " + dir), err.toString());
    }

    @Test
    void truncatedPngIsAnError() throws IOException {
        Path file = png(dir.resolve("broken.png"), rgb(30, 30, 0));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("skip-unreadable"), e.getMessage());
    }

    /**
     * javax.imageio decodes a truncated JPEG without an exception (grey rows, one warning), so the
     * reader's warning is what refuses it; with skip-unreadable it is counted and skipped.
     */
    @Test
    void truncatedJpegIsRefusedNamingItAndSkippedWhenAsked() throws IOException {
        for (int i = 0; i < 3; i++) {
            png(dir.resolve("c" + i % 2 + "/" + i + ".png"), rgb(16, 16, i));
        }
        Path jpeg = Files.createDirectories(dir.resolve("c1")).resolve("photo.jpg");
        ImageIO.write(rgb(200, 200, 9), "jpg", jpeg.toFile());
        byte[] bytes = Files.readAllBytes(jpeg);
        Files.write(jpeg, java.util.Arrays.copyOf(bytes, bytes.length * 4 / 5));
        assertTrue(ImageIO.read(jpeg.toFile()) != null, "javax.imageio still decodes the truncated file");

        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir, "size", 16)));
        assertTrue(e.getMessage().startsWith(jpeg + ": truncated or damaged image ("), e.getMessage());
        assertTrue(e.getMessage().contains("skip-unreadable"), e.getMessage());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImageStore ds = new ImageFolderLoader(dir, 3, 16, true, new PrintStream(err, true)).load("t");
        assertEquals(3, ds.size());
        assertTrue(err.toString().contains("skipped 1 unreadable file of 4 in " + dir), err.toString());
    }

    @Test
    void emptyClassFolderIsAnError() throws IOException {
        png(dir.resolve("a/1.png"), rgb(4, 4, 0));
        Files.createDirectories(dir.resolve("b"));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertEquals(dir.resolve("b") + ": class folder has no images; expected JPEG or PNG files in it"
                + " (remove the folder if the class is not wanted)", e.getMessage());
    }

    @Test
    void classWhoseFilesAreAllSkippedIsAnError() throws IOException {
        png(dir.resolve("a/1.png"), rgb(4, 4, 0));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/x.txt"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir, "skip-unreadable", true)));
        assertEquals(dir.resolve("b") + ": class folder has no readable images; expected at least one JPEG or PNG image",
                e.getMessage());
    }

    @Test
    void imagesOfDifferentSizesNeedSize() throws IOException {
        png(dir.resolve("a.png"), rgb(4, 4, 0));
        Path odd = png(dir.resolve("b.png"), rgb(5, 4, 0));
        DatasetException e = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertEquals(odd + " is 5x4 but " + dir.resolve("a.png") + " is 4x4; all images must share one size,"
                + " or set size: N to resize and centre-crop them at load", e.getMessage());
        assertEquals(2, open(params(dir, "size", 4)).size());
    }

    @Test
    void emptyFolderAndLooseFilesBesideClassFoldersAreErrors() throws IOException {
        DatasetException empty = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertEquals(dir + ": folder is empty; expected JPEG or PNG images, or one sub-folder of them per class", empty.getMessage());

        png(dir.resolve("cats/1.png"), rgb(4, 4, 0));
        png(dir.resolve("stray.png"), rgb(4, 4, 0));
        DatasetException mixed = assertThrows(DatasetException.class, () -> open(params(dir)));
        assertEquals(dir + ": holds class folders (cats, ...) and also loose files (stray.png, ...);"
                + " move the files into a class folder, or remove them", mixed.getMessage());
    }
}
