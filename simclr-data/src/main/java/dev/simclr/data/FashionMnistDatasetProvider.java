package dev.simclr.data;

import com.google.auto.service.AutoService;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fashion-mnist}: the built-in default dataset (Xiao, Rasul and Vollgraf 2017; MIT licence,
 * Copyright (c) 2017 Zalando SE). {@code source: builtin} reads the stratified subset shipped in
 * this jar (1000 images per class for train, 300 for test; see {@link FashionMnistSubsetMaker});
 * {@code source: system} reads the full 60000 + 10000 images that Debian's package
 * {@code dataset-fashion-mnist} installs; {@code path} reads the four IDX files from any folder.
 */
@AutoService(DatasetProvider.class)
public final class FashionMnistDatasetProvider implements DatasetProvider {

    /** Where Debian's package {@code dataset-fashion-mnist} puts the full set. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Debian's package holding the full set. */
    public static final String SYSTEM_PACKAGE = "dataset-fashion-mnist";
    /** Class path folder of the shipped subset. */
    static final String BUILTIN_RESOURCES = "/dev/simclr/data/fashion-mnist/";

    /** Label names in label order, as Zalando's README lists them. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final Path systemDir;

    public FashionMnistDatasetProvider() {
        this(SYSTEM_DIR);
    }

    /** With another place for the system-wide copy (tests). */
    FashionMnistDatasetProvider(Path systemDir) {
        this.systemDir = systemDir;
    }

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST (Zalando, MIT): 28x28 grayscale, 10 classes; built-in subset or the full set";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                IdxDatasetProvider.SPLIT,
                Param.choice("source", "builtin", List.of("builtin", "system"),
                        "builtin: the 10000 + 3000 image subset shipped inside simclr; system: the full set from Debian's "
                                + SYSTEM_PACKAGE),
                Param.string("path", null, "folder with the four Fashion-MNIST IDX files; overrides source").asOptional());
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        String split = params.getString("split");
        if (params.has("path")) {
            Path folder = Path.of(params.getString("path"));
            return IdxDatasetProvider.openFolder(folder, split, CLASS_NAMES, "fashion-mnist " + folder + " " + split);
        }
        if (params.getString("source").equals("system")) {
            if (!Files.isDirectory(systemDir)) {
                throw new NoSuchFileException(systemDir.toString(), null,
                        "not found: fashion-mnist source: system reads the full set installed by Debian's package "
                                + SYSTEM_PACKAGE + " (sudo apt install " + SYSTEM_PACKAGE
                                + "); install it, or use source: builtin for the shipped subset, or path: a folder with the IDX files");
            }
            return IdxDatasetProvider.openFolder(systemDir, split, CLASS_NAMES, "fashion-mnist system " + split);
        }
        return openBuiltin(split);
    }

    /** The shipped subset of one split. */
    static ImageDataset openBuiltin(String split) throws IOException {
        String prefix = split.equals("test") ? "t10k" : "train";
        String images = BUILTIN_RESOURCES + prefix + "-images-idx3-ubyte.gz";
        String labels = BUILTIN_RESOURCES + prefix + "-labels-idx1-ubyte.gz";
        IdxReader.Images decoded;
        try (InputStream in = resource(images)) {
            decoded = IdxReader.readImages(in, images);
        }
        int[] labelValues;
        try (InputStream in = resource(labels)) {
            labelValues = IdxReader.readLabels(in, labels);
        }
        return IdxReader.store(decoded, images, labelValues, labels, CLASS_NAMES, "fashion-mnist builtin " + split);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FashionMnistDatasetProvider.class.getResourceAsStream(name);
        if (in == null) {
            throw new NoSuchFileException(name, null, "missing from the class path; the simclr-train jar is incomplete, rebuild it");
        }
        return in;
    }

    /** The shipped subset, and the full set when Debian's package is installed (in this provider's system folder). */
    @Override
    public List<String> status() {
        return status(systemDir);
    }

    static List<String> status(Path systemDir) {
        List<String> lines = new ArrayList<>();
        try {
            ImageDataset train = openBuiltin("train");
            ImageDataset test = openBuiltin("test");
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
                        + " (Debian package " + SYSTEM_PACKAGE + ")");
            } catch (IOException e) {
                lines.add("fashion-mnist (source: system): " + systemDir + " is incomplete: " + e.getMessage()
                        + "; reinstall Debian's package " + SYSTEM_PACKAGE);
            }
        } else {
            lines.add("fashion-mnist (source: system): not installed; for the full 70000 images install Debian's package "
                    + SYSTEM_PACKAGE);
        }
        return lines;
    }
}
