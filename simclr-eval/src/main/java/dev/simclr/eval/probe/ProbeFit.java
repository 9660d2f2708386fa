package dev.simclr.eval.probe;

import ai.djl.ndarray.NDManager;
import java.util.function.IntConsumer;

/**
 * One probe fitted on prepared rows and scored on them and on the other rows ({@link ProbeInputs}).
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
    static ProbeFit run(NDManager manager, ProbeInputs in, int classes, ProbeSettings s, float[] initial, IntConsumer onEpoch) {
        FittedProbe probe = SoftmaxRegression.fit(manager, in.fit(), in.fitRows(), in.cols(), in.fitLabels(), classes, s, initial, onEpoch);
        return new ProbeFit(probe, probe.scores(manager, in.fit(), in.fitRows()), probe.scores(manager, in.eval(), in.evalRows()));
    }
}
