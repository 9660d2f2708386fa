package dev.simclr.eval.similarity;

import dev.simclr.api.Augmentation;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.eval.Sampling;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Shows what the encoder learned to ignore: two views of one image drawn by the training
 * augmentations (SimCLR, Section 3 and Figure 4) should have nearly the same features, and views
 * of different images should not. Reports the mean similarity of the pairs (positives) and of
 * views of different images (negatives).
 */
final class SimilarityGrid implements Evaluator {

    static final String FILE = "similarity-grid.png";
    /** Keeps this evaluator's draws apart from other uses of the run's seed. */
    private static final long SALT = 0x51A11A41L;

    private final String name;
    private final int images;
    private final int cell;

    SimilarityGrid(String name, int images, int cell) {
        this.name = name;
        this.images = images;
        this.cell = cell;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        ImageDataset test = ctx.data(DataSplit.TEST);
        if (test.size() == 0) {
            throw new IllegalStateException(name + ": the test split has no images to draw views of");
        }
        int[] picked = Sampling.indices(test.size(), images, ctx.seed() ^ SALT);
        List<Augmentation> pipeline = ctx.augmentations();
        SplittableRandom base = new SplittableRandom(ctx.seed() ^ SALT);
        byte[] pixels = new byte[test.shape().size()];
        List<FloatImage> originals = new ArrayList<>();
        List<FloatImage> views = new ArrayList<>(); // view 1 of every image, then view 2 of every image
        List<FloatImage> second = new ArrayList<>();
        for (int index : picked) {
            test.copyPixels(index, pixels, 0);
            FloatImage original = FloatImage.fromBytes(test.shape(), pixels, 0);
            originals.add(original);
            views.add(augment(original, pipeline, base.split()));
            second.add(augment(original, pipeline, base.split()));
        }
        views.addAll(second);
        float[] features = ctx.embed(views, FeatureSource.TRAINED);
        int n = picked.length;
        int dim = features.length / (2 * n);
        double[][] unit = new double[2 * n][];
        for (int i = 0; i < 2 * n; i++) {
            unit[i] = unit(features, i * dim, dim);
        }
        List<GridPainter.Row> rows = new ArrayList<>();
        double positive = 0;
        double negative = 0;
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            double sim = dot(unit[i], unit[n + i]);
            positive += sim;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    negative += dot(unit[i], unit[n + j]);
                    negatives++;
                }
            }
            rows.add(new GridPainter.Row(caption(test, picked[i]), originals.get(i), views.get(i), views.get(n + i), sim));
        }
        BufferedImage grid = GridPainter.paint(rows, DisplayTransform.fromConfig(ctx.resolvedConfig()), cell);
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new java.io.IOException("no PNG writer in this Java runtime");
            }
        });
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("mean_positive_similarity", positive / n);
        if (negatives > 0) {
            metrics.put("mean_negative_similarity", negative / negatives);
        }
        metrics.put("images", n);
        ctx.log(String.format("%s: mean cosine similarity of two views %.3f over %d test images, in %s", name, positive / n, n, FILE));
        return Map.of(name, metrics);
    }

    private static FloatImage augment(FloatImage original, List<Augmentation> pipeline, SplittableRandom rng) {
        FloatImage img = original.copy();
        for (Augmentation op : pipeline) {
            img = op.apply(img, rng);
        }
        return img;
    }

    private static String caption(ImageDataset data, int index) {
        int label = data.label(index);
        String cls = label >= 0 && label < data.classNames().size() ? data.classNames().get(label) : null;
        return cls == null ? "#" + index : "#" + index + " " + cls;
    }

    private static double[] unit(float[] x, int offset, int dim) {
        double[] v = new double[dim];
        double sq = 0;
        for (int j = 0; j < dim; j++) {
            v[j] = x[offset + j];
            sq += v[j] * v[j];
        }
        double inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
        for (int j = 0; j < dim; j++) {
            v[j] *= inv;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
