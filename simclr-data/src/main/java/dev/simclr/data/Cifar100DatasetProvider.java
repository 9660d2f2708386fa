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
 * {@code cifar100}: the CIFAR-100 binary release ({@code cifar-100-binary}): {@code train.bin} and
 * {@code test.bin}, records of 1 coarse label byte + 1 fine label byte + 3072 pixel bytes.
 * {@code labels} picks the 100 fine classes or the 20 superclasses; names come from
 * {@code fine_label_names.txt} / {@code coarse_label_names.txt} when present.
 */
@AutoService(DatasetProvider.class)
public final class Cifar100DatasetProvider implements DatasetProvider {

    @Override
    public String name() {
        return "cifar100";
    }

    @Override
    public String description() {
        return "CIFAR-100 binary release (cifar-100-binary): 32x32 RGB, 100 fine or 20 coarse classes";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.string("path", null, "the cifar-100-binary folder (or the folder holding it)").asRequired(),
                Param.choice("split", "train", List.of("train", "test"), "train: train.bin; test: test.bin"),
                Param.choice("labels", "fine", List.of("fine", "coarse"), "fine: 100 classes; coarse: 20 superclasses"));
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        Path folder = CifarBinaryReader.releaseFolder(Path.of(params.getString("path")), "cifar-100-binary");
        String split = params.getString("split");
        boolean fine = params.getString("labels").equals("fine");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < (fine ? 100 : 20); i++) {
            numbered.add(Integer.toString(i));
        }
        List<String> names = CifarBinaryReader.classNames(
                folder.resolve(fine ? "fine_label_names.txt" : "coarse_label_names.txt"), numbered);
        // The coarse label comes first in each record, the fine label second.
        return CifarBinaryReader.read(List.of(folder.resolve(split + ".bin")), 2, fine ? 1 : 0, names,
                "cifar100 " + folder + " " + split + " (" + params.getString("labels") + " labels)");
    }
}
