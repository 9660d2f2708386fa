package dev.simclr.eval.projection;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.eval.Sampling;
import dev.simclr.charts.Charts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** Projects the trained encoder's test features on their first two principal components. */
final class ProjectionPlot implements Evaluator {

    static final String FILE = "projection.png";

    private final String name;
    private final int maxPoints;
    private final int width;
    private final int height;

    ProjectionPlot(String name, int maxPoints, int width, int height) {
        this.name = name;
        this.maxPoints = maxPoints;
        this.width = width;
        this.height = height;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Features f = ctx.features(DataSplit.TEST, FeatureSource.TRAINED);
        Features sample = f.rows(Sampling.indices(f.count(), maxPoints, ctx.seed()));
        int n = sample.count();
        int d = f.dim();
        float[] x = sample.data();
        int[] labels = sample.labels();
        Pca pca;
        try (NDManager m = ctx.backend().newManager()) {
            pca = Pca.fit(m, x, n, d, 2, ctx.seed());
        }
        double[] xy = pca.project(x, n);
        int comps = pca.components().length;
        List<String> classNames = ctx.data(DataSplit.TEST).classNames();
        JFreeChart chart = chart(xy, comps, labels, classNames, pca, f.count(), n);
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> Charts.writePng(out, chart, width, height));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("explained_variance_pc1", pca.explained(0));
        metrics.put("explained_variance_pc2", comps > 1 ? pca.explained(1) : 0.0);
        metrics.put("points", n);
        ctx.log(String.format("%s: %d test features on 2 principal components (%.1f%% + %.1f%% of variance) in %s", name,
                n, 100 * pca.explained(0), comps > 1 ? 100 * pca.explained(1) : 0.0, FILE));
        return Map.of(name, metrics);
    }

    private static JFreeChart chart(double[] xy, int comps, int[] labels, List<String> classNames, Pca pca, int total, int shown) {
        double[] map = new double[2 * labels.length];
        for (int i = 0; i < labels.length; i++) {
            map[2 * i] = xy[i * comps];
            map[2 * i + 1] = comps > 1 ? xy[i * comps + 1] : 0.0;
        }
        String title = shown < total
                ? "Test features, PCA (" + shown + " of " + total + " images)"
                : "Test features, PCA (" + total + " images)";
        return ScatterChart.of(map, labels, classNames, title,
                String.format("PC 1 (%.1f%% of variance)", 100 * pca.explained(0)),
                String.format("PC 2 (%.1f%% of variance)", comps > 1 ? 100 * pca.explained(1) : 0.0));
    }
}
