package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetProviderTest {

    @TempDir
    Path dir;

    private static Params params(Path path, String split) {
        return Params.of("data.train", Map.of("path", path.toString(), "split", split));
    }

    @Test
    void readsTrainFromPlainFilesAndTestFromGzippedFiles() throws IOException {
        byte[] trainPx = DataFiles.randomBytes(2 * 28 * 28, 1);
        byte[] testPx = DataFiles.randomBytes(3 * 28 * 28, 2);
        DataFiles.write(dir.resolve("train-images-idx3-ubyte"), DataFiles.idxImages(2, 28, 28, trainPx));
        DataFiles.write(dir.resolve("train-labels-idx1-ubyte"), DataFiles.idxLabels(4, 1));
        DataFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), DataFiles.gzip(DataFiles.idxImages(3, 28, 28, testPx)));
        DataFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), DataFiles.gzip(DataFiles.idxLabels(0, 1, 2)));

        ImageDataset train = new IdxDatasetProvider().open(params(dir, "train"));
        assertEquals(2, train.size());
        assertEquals(4, train.label(0));
        assertEquals(5, train.numClasses());
        byte[] all = new byte[2 * 784];
        train.copyPixels(0, all, 0);
        train.copyPixels(1, all, 784);
        assertArrayEquals(trainPx, all);

        ImageDataset test = new IdxDatasetProvider().open(params(dir, "test"));
        assertEquals(3, test.size());
        assertEquals(2, test.label(2));
    }

    @Test
    void missingFileSaysWhichNamesWereLookedFor() throws IOException {
        DataFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), DataFiles.gzip(DataFiles.idxImages(1, 1, 1, new byte[1])));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> new IdxDatasetProvider().open(params(dir, "train")));
        assertEquals(dir.resolve("train-labels-idx1-ubyte") + ": missing; expected train-labels-idx1-ubyte or "
                + "train-labels-idx1-ubyte.gz in " + dir, e.getMessage());
    }

    @Test
    void pathThatIsNotAFolderIsAnError() {
        Path nowhere = dir.resolve("nowhere");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> new IdxDatasetProvider().open(params(nowhere, "test")));
        assertEquals(nowhere + ": not a folder; expected a folder holding IDX files such as train-images-idx3-ubyte.gz",
                e.getMessage());
    }
}
