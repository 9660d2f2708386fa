package dev.simclr.train.optim;

import ai.djl.nn.Block;
import dev.simclr.api.Params;

/** Builds the optimizer the {@code train:} section names. */
public final class Optimizers {

    private Optimizers() {}

    public static StatefulOptimizer create(Params train, LrSchedule schedule, Block trained) {
        float wd = (float) train.getDouble("weight-decay");
        float momentum = (float) train.getDouble("momentum");
        boolean nesterov = train.getBool("nesterov");
        return switch (train.getString("optimizer")) {
            case Adam.NAME -> Adam.builder().setLearningRateTracker(schedule).optWeightDecays(wd).build();
            case Sgd.NAME -> Sgd.builder().setLearningRateTracker(schedule).optMomentum(momentum).optNesterov(nesterov)
                    .optWeightDecays(wd).build();
            case Lars.NAME -> Lars.builder().setLearningRateTracker(schedule).optMomentum(momentum).optNesterov(nesterov)
                    .optTrustCoefficient((float) train.getDouble("trust-coefficient")).optBlock(trained)
                    .optWeightDecays(wd).build();
            default -> throw new IllegalArgumentException("train.optimizer: unknown optimizer '" + train.getString("optimizer")
                    + "'; use adam, sgd or lars");
        };
    }
}
