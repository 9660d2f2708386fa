package dev.simclr.eval.probe;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.Progress;
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
 * Linear evaluation protocol (SimCLR, Section 4 and Appendix B.8): a linear classifier fitted on
 * frozen features of the train split, its settings chosen on a validation part of that split,
 * refitted on the whole of it and scored on the test split. Baselines put the trained encoder's
 * number in context: the same architecture at random initialisation, and raw pixels; each gets the
 * same search, so each is compared at its own best settings.
 */
final class LinearProbe implements Evaluator {

    private final String name;
    private final ProbeSettings settings;
    private final List<GridSearch.Axis> grid;
    private final double validationFraction;
    private final boolean baselines;

    /**
     * @param grid {@link ProbeSelection}'s axes; a grid of one point is used as it is, without a
     *     validation split
     */
    LinearProbe(String name, ProbeSettings settings, List<GridSearch.Axis> grid, double validationFraction, boolean baselines) {
        this.name = name;
        this.settings = settings;
        this.grid = List.copyOf(grid);
        this.validationFraction = validationFraction;
        this.baselines = baselines;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<FeatureSource, boolean[]> hits = new EnumMap<>(FeatureSource.class);
        ProbeSettings s = settings.withSeed(ctx.seed());
        for (FeatureSource source : ResultRows.sources(baselines)) {
            String row = ResultRows.name(name, source);
            rows.put(row, probe(ctx, source, row, s, hits));
        }
        if (baselines) {
            rows.get(name).put(BaselineDifferences.KEY, BaselineDifferences.of(hits, ctx.seed()));
        }
        return rows;
    }

    private Map<String, Object> probe(EvaluationContext ctx, FeatureSource source, String row, ProbeSettings s,
            Map<FeatureSource, boolean[]> hits) throws Exception {
        LabelledSplits splits = LabelledSplits.load(ctx, source, name);
        Features train = splits.train();
        Features test = splits.test();
        int classes = splits.classes();
        int points = GridSearch.size(grid);
        long start = System.nanoTime();
        GridSearch.Result choice;
        ProbeFit fit;
        try (NDManager manager = ctx.backend().newManager();
                Progress progress = ctx.progress(row, points + 1)) {
            choice = points == 1 ? GridSearch.only(grid)
                    : ProbeSelection.choose(manager, train, classes, s, grid,
                            ValidationSplit.stratified(train.labels(), classes, validationFraction, ctx.seed()),
                            done -> progress.update(done, "choosing settings"));
            ProbeSettings chosen = s.with(choice.value(ProbeSelection.LR, s.lr()), choice.value(ProbeSelection.WEIGHT_DECAY, s.weightDecay()));
            fit = ProbeFit.run(manager, ProbeInputs.of(train, test, chosen.standardize()), classes, chosen, null, epoch -> {});
            progress.update(points + 1, null);
            checkFinite(fit.probe(), row, chosen);
        }
        boolean[] top1 = TopK.hits(fit.evalScores(), test.labels(), classes, 1);
        hits.put(source, top1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        TestAccuracy.put(metrics, top1);
        metrics.put("top5", TopK.accuracy(fit.evalScores(), test.labels(), classes, 5));
        metrics.put("train_top1", TopK.accuracy(fit.fitScores(), train.labels(), classes, 1));
        metrics.put("epochs", fit.probe().epochs());
        metrics.put("seconds", (System.nanoTime() - start) / 1e9);
        metrics.put("selected", choice.selected());
        if (choice.searched()) {
            metrics.put("validation_top1", choice.score());
        }
        log(ctx, row, metrics, test.count(), s, choice);
        return metrics;
    }

    private void checkFinite(FittedProbe probe, String row, ProbeSettings s) {
        if (!Double.isFinite(probe.loss())) {
            throw new IllegalStateException(row + ": the probe diverged (training loss " + probe.loss() + ") with "
                    + s.optimizer().yamlName() + " at lr " + s.lr() + "; lower the lr of the " + name + " entry under evaluate:, keep standardize: true,"
                    + " or use optimizer: lbfgs");
        }
    }

    private static void log(EvaluationContext ctx, String row, Map<String, Object> m, int testCount, ProbeSettings s,
            GridSearch.Result choice) {
        @SuppressWarnings("unchecked")
        List<Double> ci = (List<Double>) m.get("top1_ci");
        ctx.log(String.format("%s: top-1 %.2f%% [%.2f, %.2f], top-5 %.2f%% on %d test images (%s, %s, %d epochs, %.1f s)", row,
                100 * (double) m.get("top1"), 100 * ci.get(0), 100 * ci.get(1), 100 * (double) m.get("top5"), testCount,
                s.optimizer().yamlName(), m.get("selected"), m.get("epochs"), m.get("seconds")));
        String edge = choice.edgeWarning(row);
        if (edge != null) {
            ctx.log(edge);
        }
    }
}
