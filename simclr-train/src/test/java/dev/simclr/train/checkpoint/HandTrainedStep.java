package dev.simclr.train.checkpoint;

import ai.djl.nn.Block;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.pytorch.backend.DjlStepState;
import dev.simclr.pytorch.optim.Adam;
import dev.simclr.pytorch.optim.StatefulOptimizer;
import dev.simclr.train.optim.LrSchedule;

/** The checkpoint side of a training step over a network and an optimizer that a test updates by hand. */
final class HandTrainedStep implements TrainingStep {

    private final Block net;
    private final StatefulOptimizer opt;

    private HandTrainedStep(Block net, StatefulOptimizer opt) {
        this.net = net;
        this.opt = opt;
    }

    static TrainingStep of(Block net, StatefulOptimizer opt) {
        return new HandTrainedStep(net, opt);
    }

    /** Adam at a constant learning rate of 0.1. */
    static Adam adam() {
        return Adam.builder().setLearningRateTracker(new LrSchedule(0.1, "constant", 0, 10, 10, new double[0], 0.1)).build();
    }

    @Override
    public StepLoss train(float[] views) {
        throw new UnsupportedOperationException("trained by hand in this test");
    }

    @Override
    public StepState state() {
        return DjlStepState.of(net, opt);
    }

    @Override
    public void publish() {}

    @Override
    public void restore(StepState state) {
        DjlStepState.restore(state, net, opt);
    }
}
