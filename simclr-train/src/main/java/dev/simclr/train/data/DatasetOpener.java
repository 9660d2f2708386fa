package dev.simclr.train.data;

import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.Sections;
import dev.simclr.api.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that opens a configured dataset: finds its provider, opens it with the provider's
 * own parameters, then applies the options every dataset takes ({@link Sections#DATASET_COMMON}):
 * {@code limit} first (keep the first N images, or all when there are fewer), then
 * {@code per-class} (N images of every class drawn with the run's seed, see
 * {@link StratifiedSampler}; kept in dataset order).
 */
public final class DatasetOpener {

    private DatasetOpener() {}

    /**
     * @param config the validated {@code data.train} (or test, probe-train) section
     * @param seed the run's seed, for {@code per-class}
     * @throws IOException when files are missing or malformed, or {@code per-class} cannot be met
     */
    public static ImageDataset open(PluginRegistry registry, ComponentConfig config, long seed) throws IOException {
        DatasetProvider provider = registry.get(DatasetProvider.class, config.name());
        Params all = config.params();
        Map<String, Object> own = new LinkedHashMap<>(all.values());
        own.keySet().removeAll(Sections.DATASET_COMMON.stream().map(p -> p.name()).toList());
        ImageDataset dataset = provider.open(Params.of(all.path(), own));
        if (dataset.size() == 0) {
            throw new DatasetException(dataset.description() + " (" + all.path() + "): holds no images");
        }
        if (all.has("limit") && all.getInt("limit") < dataset.size()) {
            int limit = all.getInt("limit");
            int[] first = new int[limit];
            for (int i = 0; i < limit; i++) {
                first[i] = i;
            }
            dataset = ImageStore.select(dataset, first, dataset.description() + ", first " + limit);
        }
        if (all.has("per-class")) {
            int perClass = all.getInt("per-class");
            if (!dataset.labeled()) {
                throw new DatasetException(all.path() + ".per-class: " + dataset.description()
                        + " is unlabeled, so there are no classes to draw from; use limit instead,"
                        + " or arrange the images in one sub-folder per class");
            }
            int[] chosen = StratifiedSampler.perClass(dataset, perClass, seed);
            dataset = ImageStore.select(dataset, chosen, dataset.description() + ", " + perClass + " per class (seed " + seed + ")");
        }
        return dataset;
    }

    /** One line per dataset found on this machine, for {@code simclr doctor}. */
    public static List<String> foundOnThisMachine() {
        return foundOnThisMachine(FashionMnistDatasetProvider.SYSTEM_DIR);
    }

    static List<String> foundOnThisMachine(Path systemDir) {
        List<String> lines = new ArrayList<>();
        try {
            ImageDataset train = FashionMnistDatasetProvider.openBuiltin("train");
            ImageDataset test = FashionMnistDatasetProvider.openBuiltin("test");
            lines.add("fashion-mnist (source: builtin): " + train.size() + " train + " + test.size() + " test images, "
                    + train.shape() + ", " + train.numClasses() + " classes, shipped inside simclr");
        } catch (IOException e) {
            lines.add("fashion-mnist (source: builtin): NOT usable: " + e.getMessage());
        }
        if (Files.isDirectory(systemDir)) {
            try {
                int train = IdxReader.count(IdxDatasetProvider.find(systemDir, "train-images-idx3-ubyte"));
                int test = IdxReader.count(IdxDatasetProvider.find(systemDir, "t10k-images-idx3-ubyte"));
                IdxDatasetProvider.find(systemDir, "train-labels-idx1-ubyte");
                IdxDatasetProvider.find(systemDir, "t10k-labels-idx1-ubyte");
                lines.add("fashion-mnist (source: system): " + train + " train + " + test + " test images in " + systemDir
                        + " (Debian package " + FashionMnistDatasetProvider.SYSTEM_PACKAGE + ")");
            } catch (IOException e) {
                lines.add("fashion-mnist (source: system): " + systemDir + " is incomplete: " + e.getMessage()
                        + "; reinstall Debian's package " + FashionMnistDatasetProvider.SYSTEM_PACKAGE);
            }
        } else {
            lines.add("fashion-mnist (source: system): not installed; for the full 70000 images install Debian's package "
                    + FashionMnistDatasetProvider.SYSTEM_PACKAGE);
        }
        return lines;
    }
}
