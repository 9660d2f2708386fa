package dev.simclr.train.optim;

import ai.djl.training.optimizer.Optimizer;
import dev.simclr.api.Params;

/** Builds the optimizer the {@code train:} section names. */
public final class Optimizers {

    private Optimizers() {}

    public static Optimizer create(Params train, LrSchedule schedule, ai.djl.nn.Block trained) {
        float wd = (float) train.getDouble("weight-decay");
        return switch (train.getString("optimizer")) {
            // torch.optim.Adam(lr, weight_decay) adds wd * w to the gradient (L2, not decoupled): as DJL's Adam
            case "adam" -> Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays(wd).build();
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(schedule).optMomentum((float) train.getDouble("momentum")).optWeightDecays(wd).build();
            case "lars" -> Lars.builder().setLearningRateTracker(schedule)
                    .optMomentum((float) train.getDouble("momentum"))
                    .optTrustCoefficient((float) train.getDouble("trust-coefficient")).optBlock(trained)
                    .optWeightDecays(wd).build();
            default -> throw new IllegalArgumentException("train.optimizer: unknown " + train.getString("optimizer"));
        };
    }
}
