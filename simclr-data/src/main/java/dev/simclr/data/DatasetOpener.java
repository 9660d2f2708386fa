package dev.simclr.data;

import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.plugin.PluginRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that opens a configured dataset: finds its provider, opens it with the provider's
 * own parameters, then applies the options every dataset takes ({@link #COMMON}):
 * {@code limit} first (keep the first N images, or all when there are fewer), then
 * {@code per-class} (N images of every class drawn with the run's seed, see
 * {@link StratifiedSampler}; kept in dataset order).
 */
public final class DatasetOpener {

    /** Options every dataset takes, applied after the provider opened it. */
    public static final List<Param> COMMON = List.of(
            Param.integer("limit", 0, 1, null, "keep only the first N images").asOptional(),
            Param.integer("per-class", 0, 1, null, "keep N images of each class, drawn with the run's seed (stratified)").asOptional());

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
        own.keySet().removeAll(COMMON.stream().map(p -> p.name()).toList());
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
            dataset = DatasetSubset.select(dataset, first, dataset.description() + ", first " + limit);
        }
        if (all.has("per-class")) {
            int perClass = all.getInt("per-class");
            if (!dataset.labeled()) {
                throw new DatasetException(all.path() + ".per-class: " + dataset.description()
                        + " is unlabeled, so there are no classes to draw from; use limit instead,"
                        + " or arrange the images in one sub-folder per class");
            }
            int[] chosen = StratifiedSampler.perClass(dataset, perClass, seed);
            dataset = DatasetSubset.select(dataset, chosen, dataset.description() + ", " + perClass + " per class (seed " + seed + ")");
        }
        return dataset;
    }
}
