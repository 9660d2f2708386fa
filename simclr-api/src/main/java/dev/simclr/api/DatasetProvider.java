package dev.simclr.api;

import java.io.IOException;

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
}
