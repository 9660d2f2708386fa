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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Linear evaluation protocol (SimCLR, Section 4 and Appendix B.5): a linear classifier fitted on
 * frozen features of the train split, scored on the test split. Baselines put the trained
 * encoder's number in context: the same architecture at random initialisation, and raw pixels.
 */
final class LinearProbe implements Evaluator {

    private final String name;
    private final ProbeSettings settings;
    private final boolean baselines;

    LinearProbe(String name, ProbeSettings settings, boolean baselines) {
        this.name = name;
        this.settings = settings;
        this.baselines = baselines;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        ProbeSettings s = settings.withSeed(ctx.seed());
        for (FeatureSource source : ResultRows.sources(baselines)) {
            String row = ResultRows.name(name, source);
            rows.put(row, probe(ctx, source, row, s));
        }
        return rows;
    }

    private Map<String, Object> probe(EvaluationContext ctx, FeatureSource source, String row, ProbeSettings s) throws Exception {
        LabelledSplits splits = LabelledSplits.load(ctx, source, name);
        Features train = splits.train();
        Features test = splits.test();
        int classes = splits.classes();
        long start = System.nanoTime();
        Standardizer standardizer = s.standardize() ? Standardizer.fit(train) : Standardizer.identity(train.dim());
        float[] xTrain = standardizer.withBias(train);
        float[] xTest = standardizer.withBias(test);
        int cols = train.dim() + 1;
        FittedProbe probe;
        float[] trainScores;
        float[] testScores;
        try (NDManager manager = ctx.backend().newManager();
                Progress progress = ctx.progress(row, s.epochs())) {
            probe = SoftmaxRegression.fit(manager, xTrain, train.count(), cols, train.labels(), classes, s,
                    epoch -> progress.update(epoch, null));
            trainScores = probe.scores(manager, xTrain, train.count());
            testScores = probe.scores(manager, xTest, test.count());
        }
        if (!Double.isFinite(probe.loss())) {
            throw new IllegalStateException(row + ": the probe diverged (training loss " + probe.loss() + ") with "
                    + s.optimizer().yamlName() + " at lr " + s.lr() + "; lower the lr of the " + name + " entry under evaluate:, keep standardize: true,"
                    + " or use optimizer: lbfgs");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("top1", TopK.accuracy(testScores, test.labels(), classes, 1));
        metrics.put("top5", TopK.accuracy(testScores, test.labels(), classes, 5));
        metrics.put("train_top1", TopK.accuracy(trainScores, train.labels(), classes, 1));
        metrics.put("epochs", probe.epochs());
        metrics.put("seconds", seconds);
        ctx.log(String.format("%s: top-1 %.2f%%, top-5 %.2f%% on %d test images (%s, %d epochs, %.1f s)", row,
                100 * (double) metrics.get("top1"), 100 * (double) metrics.get("top5"), test.count(),
                s.optimizer().yamlName(), probe.epochs(), seconds));
        return metrics;
    }
}
