package dev.simclr.eval.knn;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.eval.LabelledSplits;
import dev.simclr.eval.ResultRows;
import dev.simclr.eval.TopK;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scores the test split by weighted kNN against the train split's features. */
final class KnnEvaluator implements Evaluator {

    private final String name;
    private final int k;
    private final double temperature;
    private final boolean baselines;

    KnnEvaluator(String name, int k, double temperature, boolean baselines) {
        this.name = name;
        this.k = k;
        this.temperature = temperature;
        this.baselines = baselines;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        WeightedKnn knn = new WeightedKnn(k, temperature);
        for (FeatureSource source : ResultRows.sources(baselines)) {
            String row = ResultRows.name(name, source);
            LabelledSplits splits = LabelledSplits.load(ctx, source, name);
            long start = System.nanoTime();
            float[] scores;
            try (NDManager manager = ctx.backend().newManager()) {
                scores = knn.scores(manager, splits.train(), splits.test(), splits.classes());
            }
            int[] labels = splits.test().labels();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("top1", TopK.accuracy(scores, labels, splits.classes(), 1));
            metrics.put("top5", TopK.accuracy(scores, labels, splits.classes(), 5));
            metrics.put("k", Math.min(k, splits.train().count()));
            metrics.put("temperature", temperature);
            metrics.put("seconds", (System.nanoTime() - start) / 1e9);
            ctx.log(String.format("%s: top-1 %.2f%%, top-5 %.2f%% (k %d, T %s)", row, 100 * (double) metrics.get("top1"),
                    100 * (double) metrics.get("top5"), metrics.get("k"), temperature));
            rows.put(row, metrics);
        }
        return rows;
    }
}
