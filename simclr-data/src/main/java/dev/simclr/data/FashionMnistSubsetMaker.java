package dev.simclr.data;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the Fashion-MNIST subset that ships inside simclr-train from the full set: a seeded,
 * stratified choice of {@value #TRAIN_PER_CLASS} train and {@value #TEST_PER_CLASS} test images
 * per class ({@link StratifiedSampler}, seed {@value #SEED}), kept in the full set's order and
 * written as gzipped IDX files. Rerunning it on the same full set gives the same images.
 *
 * <pre>
 * java -cp simclr-data.jar:simclr-api.jar dev.simclr.data.FashionMnistSubsetMaker \
 *     /usr/share/datasets/fashion-mnist simclr-data/src/main/resources/dev/simclr/data/fashion-mnist
 * </pre>
 */
public final class FashionMnistSubsetMaker {

    public static final int TRAIN_PER_CLASS = 1000;
    public static final int TEST_PER_CLASS = 300;
    public static final long SEED = 20170825L;

    private FashionMnistSubsetMaker() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FashionMnistSubsetMaker <folder with the full Fashion-MNIST IDX files> <output folder>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (String split : new String[] {"train", "test"}) {
            ImageStore subset = subset(source, split);
            write(subset, out, split);
            System.err.println(split + ": " + subset.size() + " images -> " + out);
        }
    }

    /** The subset of one split of the full set in {@code source}. */
    public static ImageStore subset(Path source, String split) throws IOException {
        ImageDataset full = IdxDatasetProvider.openFolder(source, split, FashionMnistDatasetProvider.CLASS_NAMES,
                "fashion-mnist " + source + " " + split);
        int perClass = split.equals("test") ? TEST_PER_CLASS : TRAIN_PER_CLASS;
        int[] chosen = StratifiedSampler.perClass(full, perClass, SEED);
        return ImageStore.select(full, chosen, "fashion-mnist subset " + split);
    }

    /** Writes {@code images} as the gzipped IDX pair of {@code split} into {@code folder}. */
    static void write(ImageStore images, Path folder, String split) throws IOException {
        String prefix = split.equals("test") ? "t10k" : "train";
        int n = images.size();
        int pixels = images.shape().size();
        byte[] px = new byte[n * pixels];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images.copyPixels(i, px, i * pixels);
            labels[i] = images.label(i);
        }
        IdxWriter.writeImages(folder.resolve(prefix + "-images-idx3-ubyte.gz"), n, images.shape().height(), images.shape().width(), px, true);
        IdxWriter.writeLabels(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels, true);
    }
}
