package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.ImageStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private final byte[] pixels = DataFiles.randomBytes(3 * 4 * 5, 7);

    @Test
    void readsAPlainImagesFileExactly() throws IOException {
        Path file = DataFiles.write(dir.resolve("images"), DataFiles.idxImages(3, 4, 5, pixels));
        IdxReader.Images images = IdxReader.readImages(file);
        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.cols());
        assertArrayEquals(pixels, images.pixels());
    }

    @Test
    void readsAGzippedFileExactlyWhateverItsName() throws IOException {
        Path file = DataFiles.write(dir.resolve("images-without-gz-suffix"), DataFiles.gzip(DataFiles.idxImages(3, 4, 5, pixels)));
        assertArrayEquals(pixels, IdxReader.readImages(file).pixels());
        Path labels = DataFiles.write(dir.resolve("labels.gz"), DataFiles.gzip(DataFiles.idxLabels(0, 255, 9)));
        assertArrayEquals(new int[] {0, 255, 9}, IdxReader.readLabels(labels));
    }

    @Test
    void writerOutputReadsBackIdentically() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = dir.resolve("w-images-" + gzip);
            Path labels = dir.resolve("w-labels-" + gzip);
            IdxWriter.writeImages(images, 3, 4, 5, pixels, gzip);
            IdxWriter.writeLabels(labels, new int[] {1, 2, 3}, gzip);
            assertArrayEquals(pixels, IdxReader.readImages(images).pixels());
            assertArrayEquals(new int[] {1, 2, 3}, IdxReader.readLabels(labels));
            assertEquals(3, IdxReader.count(images));
        }
    }

    @Test
    void wrongMagicNumberNamesTheFileAndTheExpectedMagic() throws IOException {
        Path labelsFile = DataFiles.write(dir.resolve("train-images-idx3-ubyte"), DataFiles.idxLabels(1, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(labelsFile));
        assertEquals(labelsFile + ": magic number 0x00000801 (that is a labels file); expected 0x00000803, an IDX images file",
                e.getMessage());

        Path junk = DataFiles.write(dir.resolve("junk"), "<html>not found</html>".getBytes());
        e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(junk));
        assertTrue(e.getMessage().startsWith(junk + ": magic number 0x3c68746d; expected 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedImagesFileSaysHowMuchIsMissing() throws IOException {
        byte[] whole = DataFiles.idxImages(3, 4, 5, pixels);
        Path file = DataFiles.write(dir.resolve("short"), Arrays.copyOf(whole, whole.length - 10));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertEquals(file + ": file ends after 50 of 60 data bytes; its header declares 3 images of 4x5"
                + " (file truncated or incompletely downloaded?)", e.getMessage());
    }

    @Test
    void truncatedGzipAndTruncatedHeaderAreErrors() throws IOException {
        byte[] gz = DataFiles.gzip(DataFiles.idxImages(3, 4, 5, pixels));
        Path file = DataFiles.write(dir.resolve("short.gz"), Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path header = DataFiles.write(dir.resolve("header"), Arrays.copyOf(DataFiles.idxLabels(1, 2), 6));
        e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(header));
        assertEquals(header + ": file ends inside its IDX header or gzip stream (file truncated?)", e.getMessage());
    }

    @Test
    void extraBytesAfterTheDeclaredDataAreAnError() throws IOException {
        Path file = DataFiles.write(dir.resolve("long"), DataFiles.concat(DataFiles.idxLabels(1, 2), new byte[] {3}));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(file));
        assertEquals(file + ": more data than its header declares (2 labels); expected the file to end there"
                + " (wrong or concatenated file?)", e.getMessage());
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        Path images = DataFiles.write(dir.resolve("i"), DataFiles.idxImages(3, 4, 5, pixels));
        Path labels = DataFiles.write(dir.resolve("l"), DataFiles.idxLabels(1, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.store(IdxReader.readImages(images),
                images.toString(), IdxReader.readLabels(labels), labels.toString(), null, "test"));
        assertEquals(labels + " holds 2 labels but " + images + " holds 3 images; expected one label per image"
                + " (are the files from the same split?)", e.getMessage());
    }

    @Test
    void labelOutsideTheClassNamesIsAnError() throws IOException {
        Path images = DataFiles.write(dir.resolve("i"), DataFiles.idxImages(3, 4, 5, pixels));
        Path labels = DataFiles.write(dir.resolve("l"), DataFiles.idxLabels(1, 2, 10));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.store(IdxReader.readImages(images),
                images.toString(), IdxReader.readLabels(labels), labels.toString(), FashionMnistDatasetProvider.CLASS_NAMES, "t"));
        assertEquals(labels + ": label 10 at index 2 is not a class; expected 0 to 9", e.getMessage());
    }

    @Test
    void storeHoldsOneChannelImagesWithTheirLabels() throws IOException {
        ImageStore store = IdxReader.store(new IdxReader.Images(3, 4, 5, pixels), "i", new int[] {2, 0, 1}, "l", null, "t");
        assertEquals("1x4x5", store.shape().toString());
        assertEquals(List.of("0", "1", "2"), store.classNames());
        byte[] second = new byte[20];
        store.copyPixels(1, second, 0);
        assertArrayEquals(Arrays.copyOfRange(pixels, 20, 40), second);
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nothing-here");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(missing));
        assertEquals(missing + ": file not found", e.getMessage());
    }
}
