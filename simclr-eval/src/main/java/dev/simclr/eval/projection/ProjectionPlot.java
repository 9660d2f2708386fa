package dev.simclr.eval.projection;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.io.AtomicFiles;
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
        MapSample sample = MapSample.of(ctx, maxPoints);
        int n = sample.count();
        int d = sample.points().dim();
        float[] x = sample.points().data();
        Pca pca;
        try (NDManager m = ctx.backend().newManager()) {
            pca = Pca.fit(m, x, n, d, 2, ctx.seed());
        }
        double[] xy = pca.project(x, n);
        int comps = pca.components().length;
        List<String> classNames = ctx.data(DataSplit.TEST).classNames();
        JFreeChart chart = chart(xy, comps, sample, classNames, pca);
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> Charts.writePng(out, chart, width, height));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("explained_variance_pc1", pca.explained(0));
        metrics.put("explained_variance_pc2", comps > 1 ? pca.explained(1) : 0.0);
        metrics.put("points", n);
        ctx.log(String.format("%s: %d test features on 2 principal components (%.1f%% + %.1f%% of variance) in %s", name,
                n, 100 * pca.explained(0), comps > 1 ? 100 * pca.explained(1) : 0.0, FILE));
        return Map.of(name, metrics);
    }

    private static JFreeChart chart(double[] xy, int comps, MapSample sample, List<String> classNames, Pca pca) {
        int[] labels = sample.points().labels();
        double[] map = new double[2 * labels.length];
        for (int i = 0; i < labels.length; i++) {
            map[2 * i] = xy[i * comps];
            map[2 * i + 1] = comps > 1 ? xy[i * comps + 1] : 0.0;
        }
        return ScatterChart.of(map, labels, classNames, "Test features, PCA (" + sample.images() + ")",
                String.format("PC 1 (%.1f%% of variance)", 100 * pca.explained(0)),
                String.format("PC 2 (%.1f%% of variance)", comps > 1 ? 100 * pca.explained(1) : 0.0));
    }
}
