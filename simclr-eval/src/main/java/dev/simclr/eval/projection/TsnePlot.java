package dev.simclr.eval.projection;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.charts.Charts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A t-SNE map of the trained encoder's test features, beside the PCA one. Features of more than
 * {@value #PCA_DIMS} dimensions are first reduced to their leading {@value #PCA_DIMS} principal
 * components, as van der Maaten (2014, Section 5) does before t-SNE. Reports the map's
 * trustworthiness against the features themselves and the final KL divergence.
 */
final class TsnePlot implements Evaluator {

    static final String FILE = "tsne.png";
    static final int PCA_DIMS = 50;
    /** Neighbourhood size of the reported trustworthiness. */
    static final int TRUST_K = 10;

    private final String name;
    private final int maxPoints;
    private final Tsne tsne;
    private final int width;
    private final int height;

    TsnePlot(String name, int maxPoints, Tsne tsne, int width, int height) {
        this.name = name;
        this.maxPoints = maxPoints;
        this.tsne = tsne;
        this.width = width;
        this.height = height;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        MapSample sample = MapSample.of(ctx, maxPoints);
        int n = sample.count();
        int d = sample.points().dim();
        float[] x = sample.points().data();
        double[] input;
        int inputDim;
        if (d > PCA_DIMS && n > PCA_DIMS) {
            try (NDManager m = ctx.backend().newManager()) {
                Pca pca = Pca.fit(m, x, n, d, PCA_DIMS, ctx.seed());
                input = pca.project(x, n);
                inputDim = pca.components().length;
            }
        } else {
            input = toDouble(x);
            inputDim = d;
        }
        long start = System.nanoTime();
        Tsne.Result map = tsne.seeded(ctx.seed()).embed(input, n, inputDim);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (2 * TRUST_K < n) {
            metrics.put("trustworthiness", Trustworthiness.of(toDouble(x), d, map.y(), 2, n, TRUST_K));
            metrics.put("trustworthiness_k", TRUST_K);
        }
        metrics.put("kl_divergence", map.klDivergence());
        metrics.put("method", map.exact() ? "exact" : "barnes-hut");
        metrics.put("points", n);
        String method = map.exact() ? "exact" : String.format(Locale.ROOT, "Barnes-Hut, theta %.2g", tsne.theta());
        String title = String.format(Locale.ROOT, "Test features, t-SNE (%s, perplexity %.3g, %s)", sample.images(), tsne.perplexity(), method);
        JFreeChart chart = ScatterChart.of(map.y(), sample.points().labels(), ctx.data(DataSplit.TEST).classNames(), title, "t-SNE 1", "t-SNE 2");
        AtomicFiles.write(ctx.outputDir().resolve(FILE), out -> Charts.writePng(out, chart, width, height));
        ctx.log(String.format(Locale.ROOT, "%s: %d test features mapped in %.1f s (%s), KL %.3f, in %s", name, n, seconds, method,
                map.klDivergence(), FILE));
        return Map.of(name, metrics);
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }
}
