package dev.simclr.data;

import com.google.auto.service.AutoService;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cifar10}: the CIFAR-10 binary release ({@code cifar-10-batches-bin}): train is
 * {@code data_batch_1.bin} to {@code data_batch_5.bin}, test is {@code test_batch.bin}; records
 * of 1 label byte + 3072 pixel bytes. Class names come from {@code batches.meta.txt} when present.
 */
@AutoService(DatasetProvider.class)
public final class Cifar10DatasetProvider implements DatasetProvider {

    /** The order of the release's batches.meta.txt, used when that file is absent. */
    static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    @Override
    public String name() {
        return "cifar10";
    }

    @Override
    public String description() {
        return "CIFAR-10 binary release (cifar-10-batches-bin): 32x32 RGB, 10 classes";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.string("path", null, "the cifar-10-batches-bin folder (or the folder holding it)").asRequired(),
                Param.choice("split", "train", List.of("train", "test"), "train: data_batch_1..5.bin; test: test_batch.bin"));
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        Path folder = CifarBinaryReader.releaseFolder(Path.of(params.getString("path")), "cifar-10-batches-bin");
        String split = params.getString("split");
        List<Path> files = new ArrayList<>();
        if (split.equals("test")) {
            files.add(folder.resolve("test_batch.bin"));
        } else {
            for (int i = 1; i <= 5; i++) {
                files.add(folder.resolve("data_batch_" + i + ".bin"));
            }
        }
        List<String> names = CifarBinaryReader.classNames(folder.resolve("batches.meta.txt"), CLASS_NAMES);
        return CifarBinaryReader.read(files, 1, 0, names, "cifar10 " + folder + " " + split);
    }
}
