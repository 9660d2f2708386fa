package dev.simclr.eval.probe;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Features;
import java.util.function.IntConsumer;

/**
 * One probe fitted on some features and scored on others. Standardisation statistics come from the
 * fitted rows only, so neither a validation part nor the test split leaks into the fit.
 *
 * @param probe the fitted classifier
 * @param fitScores class scores of the fitted rows ({@code rows x classes})
 * @param evalScores class scores of the scored rows
 */
record ProbeFit(FittedProbe probe, float[] fitScores, float[] evalScores) {

    /**
     * @param initial weights to start from (a neighbouring fit of the same features), or null
     * @param onEpoch called after each epoch (L-BFGS: iteration)
     */
    static ProbeFit run(NDManager manager, Features fit, Features eval, int classes, ProbeSettings s, float[] initial,
            IntConsumer onEpoch) {
        Standardizer standardizer = s.standardize() ? Standardizer.fit(fit) : Standardizer.identity(fit.dim());
        float[] xFit = standardizer.withBias(fit);
        float[] xEval = standardizer.withBias(eval);
        int cols = fit.dim() + 1;
        FittedProbe probe = SoftmaxRegression.fit(manager, xFit, fit.count(), cols, fit.labels(), classes, s, initial, onEpoch);
        return new ProbeFit(probe, probe.scores(manager, xFit, fit.count()), probe.scores(manager, xEval, eval.count()));
    }
}
