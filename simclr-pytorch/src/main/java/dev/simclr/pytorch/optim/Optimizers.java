package dev.simclr.pytorch.optim;

import ai.djl.nn.Block;
import dev.simclr.api.step.OptimizerSettings;

/** Builds the optimizer the {@code train:} section names. */
public final class Optimizers {

    private Optimizers() {}

    public static StatefulOptimizer create(OptimizerSettings o, Block trained) {
        float wd = (float) o.weightDecay();
        float momentum = (float) o.momentum();
        return switch (o.name()) {
            case Adam.NAME -> Adam.builder().setLearningRateTracker(o.learningRate()).optWeightDecays(wd).build();
            case Sgd.NAME -> Sgd.builder().setLearningRateTracker(o.learningRate()).optMomentum(momentum).optNesterov(o.nesterov())
                    .optWeightDecays(wd).build();
            case Lars.NAME -> Lars.builder().setLearningRateTracker(o.learningRate()).optMomentum(momentum).optNesterov(o.nesterov())
                    .optTrustCoefficient((float) o.trustCoefficient()).optBlock(trained)
                    .optWeightDecays(wd).build();
            default -> throw new IllegalArgumentException("train.optimizer: unknown optimizer '" + o.name() + "'; use adam, sgd or lars");
        };
    }
}
