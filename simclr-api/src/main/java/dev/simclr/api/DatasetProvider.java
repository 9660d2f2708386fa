package dev.simclr.api;

import java.io.IOException;
import java.util.List;

/**
 * Extension point: datasets ({@code data.train}, {@code data.test} in YAML). The common options
 * {@code limit} and {@code per-class} are declared and applied by the framework for every
 * dataset; a provider declares only its own parameters (path, split, ...).
 */
public interface DatasetProvider extends Provider {

    /**
     * Opens (decodes) the dataset. Bad files are errors that name the file and what was expected.
     *
     * @throws IOException when files cannot be read or are malformed
     */
    ImageDataset open(Params params) throws IOException;

    /**
     * What {@code simclr doctor} reports for this dataset on this machine, one line per source it
     * can read without being told a path (e.g. data shipped in the jar, a system package); probes
     * without failing. Datasets that only read paths from the run file report nothing.
     */
    default List<String> status() {
        return List.of();
    }
}
