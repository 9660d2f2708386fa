package dev.simclr.data;

import com.google.auto.service.AutoService;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code idx}: MNIST-style IDX files in any folder, with the file names MNIST and Fashion-MNIST
 * use: {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte} for the train split,
 * {@code t10k-...} for the test split, each plain or gzipped ({@code .gz}). Images are one channel.
 */
@AutoService(DatasetProvider.class)
public final class IdxDatasetProvider implements DatasetProvider {

    static final Param SPLIT = Param.choice("split", "train", List.of("train", "test"),
            "train reads train-*-ubyte files, test reads t10k-*-ubyte files");

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String description() {
        return "MNIST-style IDX files (plain or gzipped) from a folder";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.string("path", null, "folder holding train-images-idx3-ubyte[.gz] and the other IDX files").asRequired(),
                SPLIT);
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        Path folder = Path.of(params.getString("path"));
        String split = params.getString("split");
        return openFolder(folder, split, null, "idx " + folder + " " + split);
    }

    /**
     * Reads one split from a folder of IDX files.
     *
     * @param classNames the class names, or null to number the classes from the labels
     */
    static ImageStore openFolder(Path folder, String split, List<String> classNames, String description) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null,
                    "not a folder; expected a folder holding IDX files such as train-images-idx3-ubyte.gz");
        }
        String prefix = split.equals("test") ? "t10k" : "train";
        Path images = find(folder, prefix + "-images-idx3-ubyte");
        Path labels = find(folder, prefix + "-labels-idx1-ubyte");
        IdxReader.Images decoded = IdxReader.readImages(images);
        int[] labelValues = IdxReader.readLabels(labels);
        return IdxReader.store(decoded, images.toString(), labelValues, labels.toString(), classNames, description);
    }

    /** {@code base} or {@code base.gz} in {@code folder}. */
    static Path find(Path folder, String base) throws NoSuchFileException {
        Path plain = folder.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new NoSuchFileException(plain.toString(), null,
                "missing; expected " + base + " or " + base + ".gz in " + folder);
    }
}
