package dev.simclr.eval.probe;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Features;
import dev.simclr.eval.TopK;
import dev.simclr.eval.select.GridSearch;
import dev.simclr.eval.select.ValidationSplit;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Chooses the probe's weight decay (and learning rate, for the optimizers that have one) by
 * validation top-1 on a held-out part of the training features, as the paper chose its linear
 * classifiers' L2 penalty (SimCLR, Appendix B.8: L-BFGS, regularisation from a log-spaced range
 * picked on a validation split, then refitted). L-BFGS walks the weight decays from the largest
 * down, each fit starting from the previous solution, as scikit-learn's regularisation path does:
 * the loss is convex, so the start changes only how soon it converges.
 */
final class ProbeSelection {

    static final String WEIGHT_DECAY = "weight-decay";
    static final String LR = "lr";

    private ProbeSelection() {}

    /**
     * @param axes the grid: {@link #LR} (optional) then {@link #WEIGHT_DECAY}, weight decays largest first
     * @param split the validation split of {@code train}'s rows
     * @param onPoint called after each grid point with the number done
     */
    static GridSearch.Result choose(NDManager manager, Features train, int classes, ProbeSettings s, List<GridSearch.Axis> axes,
            ValidationSplit split, IntConsumer onPoint) throws Exception {
        Features validation = split.validationPart(train);
        ProbeInputs inputs = ProbeInputs.of(split.fitPart(train), validation, s.standardize());
        boolean warm = s.optimizer() == ProbeOptimizer.LBFGS;
        int lrAxis = axes.size() - 2;
        float[][] previous = {null};
        double[] previousLr = {Double.NaN};
        int[] done = {0};
        return GridSearch.search(axes, point -> {
            double lr = lrAxis >= 0 ? point[lrAxis] : s.lr();
            ProbeSettings candidate = s.with(lr, point[axes.size() - 1]);
            float[] initial = warm && lr == previousLr[0] ? previous[0] : null;
            ProbeFit f = ProbeFit.run(manager, inputs, classes, candidate, initial, epoch -> {});
            previous[0] = f.probe().theta();
            previousLr[0] = lr;
            onPoint.accept(++done[0]);
            // a diverged candidate scores no hit (TopK never counts NaN), so it is never chosen
            return TopK.accuracy(f.evalScores(), validation.labels(), classes, 1);
        });
    }
}
