package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarDatasetProviderTest {

    @TempDir
    Path dir;

    /** A cifar-10-batches-bin folder with two records per batch; record r of batch b has label (b + r) % 10. */
    private Path cifar10() throws IOException {
        Path folder = dir.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            DataFiles.write(folder.resolve("data_batch_" + b + ".bin"),
                    DataFiles.concat(DataFiles.cifarRecord(b * 2, (b) % 10), DataFiles.cifarRecord(b * 2 + 1, (b + 1) % 10)));
        }
        DataFiles.write(folder.resolve("test_batch.bin"), DataFiles.cifarRecord(50, 7));
        return folder;
    }

    private static Params params(Path path, String split) {
        return Params.of("data.train", Map.of("path", path.toString(), "split", split));
    }

    @Test
    void cifar10RecordsBecomeChwImagesWithTheirLabels() throws IOException {
        Path folder = cifar10();
        ImageDataset train = new Cifar10DatasetProvider().open(params(dir, "train"));
        assertEquals(10, train.size());
        assertEquals("3x32x32", train.shape().toString());
        assertEquals(1, train.label(0));
        assertEquals(2, train.label(1));
        assertEquals(Cifar10DatasetProvider.CLASS_NAMES, train.classNames());
        byte[] img = new byte[3072];
        train.copyPixels(3, img, 0); // batch 2, record 1: offset 5
        assertArrayEquals(Arrays.copyOfRange(DataFiles.cifarRecord(5, 3), 1, 3073), img);
        // green plane, row 2, column 3
        assertEquals((byte) (100 + 2 + 3 + 5), img[1024 + 2 * 32 + 3]);

        ImageDataset test = new Cifar10DatasetProvider().open(params(folder, "test"));
        assertEquals(1, test.size());
        assertEquals(7, test.label(0));
    }

    @Test
    void cifar10ClassNamesComeFromBatchesMetaWhenPresent() throws IOException {
        Path folder = cifar10();
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Files.writeString(folder.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");
        assertEquals(names, new Cifar10DatasetProvider().open(params(folder, "test")).classNames());

        Files.writeString(folder.resolve("batches.meta.txt"), "a\nb\n");
        DatasetException e = assertThrows(DatasetException.class, () -> new Cifar10DatasetProvider().open(params(folder, "test")));
        assertEquals(folder.resolve("batches.meta.txt") + ": 2 class names; expected 10, one per line", e.getMessage());
    }

    @Test
    void truncatedBatchIsAnErrorNamingTheRecordSize() throws IOException {
        Path folder = cifar10();
        Path batch = folder.resolve("data_batch_3.bin");
        Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 3073 + 100));
        DatasetException e = assertThrows(DatasetException.class, () -> new Cifar10DatasetProvider().open(params(folder, "train")));
        assertEquals(batch + ": 3173 bytes is not a whole number of 3073-byte records (1 label byte + 3072 pixel bytes);"
                + " the file is truncated or not a CIFAR binary batch", e.getMessage());
    }

    @Test
    void missingBatchAndOutOfRangeLabelAreErrors() throws IOException {
        Path folder = cifar10();
        Files.delete(folder.resolve("data_batch_5.bin"));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> new Cifar10DatasetProvider().open(params(folder, "train")));
        assertEquals(folder.resolve("data_batch_5.bin") + ": missing; expected a CIFAR binary batch file here", missing.getMessage());

        DataFiles.write(folder.resolve("test_batch.bin"), DataFiles.concat(DataFiles.cifarRecord(0, 1), DataFiles.cifarRecord(0, 12)));
        DatasetException e = assertThrows(DatasetException.class, () -> new Cifar10DatasetProvider().open(params(folder, "test")));
        assertEquals(folder.resolve("test_batch.bin") + ": record 1 has label 12; expected 0 to 9 (is this the right file for this dataset?)",
                e.getMessage());
    }

    @Test
    void cifar100ReadsFineOrCoarseLabels() throws IOException {
        Path folder = dir.resolve("cifar-100-binary");
        DataFiles.write(folder.resolve("train.bin"), DataFiles.concat(DataFiles.cifarRecord(1, 3, 42), DataFiles.cifarRecord(2, 19, 99)));
        Files.writeString(folder.resolve("coarse_label_names.txt"),
                String.join("\n", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "super" + i).toList()));
        Cifar100DatasetProvider provider = new Cifar100DatasetProvider();
        ImageDataset fine = provider.open(Params.of("d", Map.of("path", folder.toString(), "split", "train", "labels", "fine")));
        assertEquals(100, fine.numClasses());
        assertEquals(42, fine.label(0));
        assertEquals(99, fine.label(1));
        byte[] img = new byte[3072];
        fine.copyPixels(1, img, 0);
        assertArrayEquals(Arrays.copyOfRange(DataFiles.cifarRecord(2, 19, 99), 2, 3074), img);
        ImageDataset coarse = provider.open(Params.of("d", Map.of("path", dir.toString(), "split", "train", "labels", "coarse")));
        assertEquals(20, coarse.numClasses());
        assertEquals(3, coarse.label(0));
        assertEquals("super19", coarse.classNames().get(coarse.label(1)));
    }

    @Test
    void cifar100FileOfCifar10RecordsIsRejected() throws IOException {
        Path folder = dir.resolve("cifar-100-binary");
        Path test = DataFiles.write(folder.resolve("test.bin"), DataFiles.concat(DataFiles.cifarRecord(0, 1), DataFiles.cifarRecord(0, 2)));
        DatasetException e = assertThrows(DatasetException.class, () -> new Cifar100DatasetProvider()
                .open(Params.of("d", Map.of("path", folder.toString(), "split", "test", "labels", "fine"))));
        assertEquals(test + ": 6146 bytes is not a whole number of 3074-byte records (2 label bytes + 3072 pixel bytes);"
                + " the file is truncated or not a CIFAR binary batch", e.getMessage());
    }
}
