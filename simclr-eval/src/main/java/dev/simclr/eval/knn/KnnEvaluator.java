package dev.simclr.eval.knn;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.eval.LabelledSplits;
import dev.simclr.eval.ResultRows;
import dev.simclr.eval.TopK;
import dev.simclr.eval.select.GridSearch;
import dev.simclr.eval.select.ValidationSplit;
import dev.simclr.eval.stats.BaselineDifferences;
import dev.simclr.eval.stats.TestAccuracy;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the test split by weighted kNN against the train split's features, with k and the
 * temperature chosen per feature set on a validation part of the train split.
 */
final class KnnEvaluator implements Evaluator {

    private final String name;
    private final List<GridSearch.Axis> grid;
    private final double validationFraction;
    private final boolean baselines;

    /** @param grid {@link KnnSelection}'s axes; a grid of one point is used as it is */
    KnnEvaluator(String name, List<GridSearch.Axis> grid, double validationFraction, boolean baselines) {
        this.name = name;
        this.grid = List.copyOf(grid);
        this.validationFraction = validationFraction;
        this.baselines = baselines;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<FeatureSource, boolean[]> hits = new EnumMap<>(FeatureSource.class);
        for (FeatureSource source : ResultRows.sources(baselines)) {
            String row = ResultRows.name(name, source);
            rows.put(row, score(ctx, source, row, hits));
        }
        if (baselines) {
            rows.get(name).put(BaselineDifferences.KEY, BaselineDifferences.of(hits, ctx.seed()));
        }
        return rows;
    }

    private Map<String, Object> score(EvaluationContext ctx, FeatureSource source, String row, Map<FeatureSource, boolean[]> hits)
            throws Exception {
        LabelledSplits splits = LabelledSplits.load(ctx, source, name);
        int classes = splits.classes();
        long start = System.nanoTime();
        GridSearch.Result choice;
        float[] scores;
        try (NDManager manager = ctx.backend().newManager()) {
            choice = GridSearch.size(grid) == 1 ? GridSearch.only(grid)
                    : KnnSelection.choose(manager, splits.train(), classes, grid,
                            ValidationSplit.stratified(splits.train().labels(), classes, validationFraction, ctx.seed()));
            int k = (int) choice.value(KnnSelection.K, 0);
            scores = new WeightedKnn(k, choice.value(KnnSelection.TEMPERATURE, 0)).scores(manager, splits.train(), splits.test(), classes);
        }
        int[] labels = splits.test().labels();
        boolean[] top1 = TopK.hits(scores, labels, classes, 1);
        hits.put(source, top1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        TestAccuracy.put(metrics, top1);
        metrics.put("top5", TopK.accuracy(scores, labels, classes, 5));
        metrics.put("k", Math.min((int) choice.value(KnnSelection.K, 0), splits.train().count()));
        metrics.put("temperature", choice.value(KnnSelection.TEMPERATURE, 0));
        metrics.put("seconds", (System.nanoTime() - start) / 1e9);
        Map<String, Object> selected = choice.selected();
        selected.put(KnnSelection.K, (int) choice.value(KnnSelection.K, 0)); // a count, not a real
        metrics.put("selected", selected);
        if (choice.searched()) {
            metrics.put("validation_top1", choice.score());
        }
        @SuppressWarnings("unchecked")
        List<Double> ci = (List<Double>) metrics.get("top1_ci");
        ctx.log(String.format("%s: top-1 %.2f%% [%.2f, %.2f], top-5 %.2f%% (k %d, T %s)", row, 100 * (double) metrics.get("top1"),
                100 * ci.get(0), 100 * ci.get(1), 100 * (double) metrics.get("top5"), metrics.get("k"), metrics.get("temperature")));
        String edge = choice.edgeWarning(row);
        if (edge != null) {
            ctx.log(edge);
        }
        return metrics;
    }
}
