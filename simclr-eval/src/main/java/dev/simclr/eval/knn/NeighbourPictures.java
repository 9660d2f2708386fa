package dev.simclr.eval.knn;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.eval.Sampling;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What pre-training bought, in pictures: for a seeded sample of test images, the k training
 * images nearest to each by cosine similarity of the trained encoder's features, beside the same
 * query's neighbours under the random-init encoder and under raw pixels. Reports, per
 * representation, the share of the k nearest training images of every test image whose label is
 * the test image's.
 */
final class NeighbourPictures implements Evaluator {

    static final String FILE = "nearest-neighbours.png";
    /** Keeps this evaluator's sample apart from other uses of the run's seed. */
    private static final long SALT = 0x4E4E5049L;

    private final String name;
    private final int queries;
    private final int k;
    private final int cell;

    NeighbourPictures(String name, int queries, int k, int cell) {
        this.name = name;
        this.queries = queries;
        this.k = k;
        this.cell = cell;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        ImageDataset test = ctx.data(DataSplit.TEST);
        ImageDataset train = ctx.data(DataSplit.TRAIN);
        if (test.size() == 0 || train.size() == 0) {
            throw new IllegalStateException(name + ": needs test images to query and training images to find ("
                    + test.size() + " test, " + train.size() + " train)");
        }
        int[] picked = Sampling.indices(test.size(), queries, ctx.seed() ^ SALT);
        List<NeighbourPainter.Panel> panels = new ArrayList<>();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (FeatureSource source : FeatureSource.values()) {
            Features bank = ctx.features(DataSplit.TRAIN, source);
            Features asked = ctx.features(DataSplit.TEST, source);
            Neighbours found;
            try (NDManager m = ctx.backend().newManager()) {
                found = Neighbours.find(m, bank, asked, k);
            }
            panels.add(new NeighbourPainter.Panel(heading(source), found));
            rows.put(source == FeatureSource.TRAINED ? name : name + "@" + source.label(), metrics(asked.labels(), found));
        }
        BufferedImage picture = NeighbourPainter.paint(test, picked, train, panels, cell);
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
        ctx.log(String.format("%s: of the %d nearest training images of each test image, %.1f%% have its label (trained encoder);"
                + " %d test images drawn in %s", name, panels.get(0).neighbours().k(), 100 * (double) rows.get(name).get("label_agreement"),
                picked.length, FILE));
        return rows;
    }

    private static String heading(FeatureSource source) {
        return switch (source) {
            case TRAINED -> "SimCLR encoder";
            case RANDOM_INIT -> "random-init encoder";
            case RAW_PIXELS -> "raw pixels";
        };
    }

    /** The share of neighbours labelled as their query, over queries and neighbours that have labels. */
    private static Map<String, Object> metrics(int[] queryLabels, Neighbours found) {
        int same = 0;
        int judged = 0;
        for (int q = 0; q < queryLabels.length; q++) {
            for (int j = 0; j < found.k(); j++) {
                int label = found.labels()[q * found.k() + j];
                if (queryLabels[q] >= 0 && label >= 0) {
                    judged++;
                    same += label == queryLabels[q] ? 1 : 0;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label_agreement", judged == 0 ? Double.NaN : same / (double) judged);
        m.put("test_images", queryLabels.length);
        m.put("k", found.k());
        return m;
    }
}
