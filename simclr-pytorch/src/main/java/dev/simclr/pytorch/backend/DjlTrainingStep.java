package dev.simclr.pytorch.backend;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.api.EngineArrays;
import dev.simclr.api.ImageShape;
import dev.simclr.api.LossResult;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.pytorch.gradcache.GradientCache;
import dev.simclr.api.step.Passes;
import dev.simclr.pytorch.optim.Optimizers;
import dev.simclr.pytorch.optim.StatefulOptimizer;
import dev.simclr.pytorch.precision.MixedPrecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The training step on a DJL engine with autograd: forward of the views in passes (per-view batch
 * norm runs the encoder on each view's B rows, joint on all 2B, as the paper's global BN on one
 * device), NT-Xent, backward (or gradient caching), then the optimizer's update of every
 * trainable parameter and zeroed gradients. The forward pass runs in {@code setup.precision()}
 * (see {@link MixedPrecision}); parameters, gradients and the optimizer's state are fp32.
 */
final class DjlTrainingStep implements TrainingStep {

    private final TrainingSetup setup;
    private final Device device;
    private final StatefulOptimizer optimizer;
    private final ParameterStore ps;
    private final Passes passes;
    private final Shape inputShape;
    private final List<Parameter> trainable = new ArrayList<>();
    private final MixedPrecision precision;
    private final StepProfiler profiler = StepProfiler.fromEnvironment();

    DjlTrainingStep(TrainingSetup setup, Device device) {
        this.setup = setup;
        this.device = device;
        this.optimizer = Optimizers.create(setup.optimizer(), setup.network());
        this.ps = new ParameterStore(setup.manager(), false);
        this.precision = MixedPrecision.of(setup.network(), setup.manager(), setup.precision(), System.err::println);
        int batch = setup.batchSize();
        this.passes = Passes.of(2 * batch, setup.perViewBatchNorm() ? batch : 2 * batch, setup.passSize());
        ImageShape shape = setup.viewShape();
        this.inputShape = new Shape(2L * batch, shape.channels(), shape.height(), shape.width());
        for (Pair<String, Parameter> p : setup.network().getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
    }

    @Override
    public StepLoss train(float[] views) {
        profiler.beforeStep();
        try {
            return trainOnce(views);
        } finally {
            profiler.afterStep();
        }
    }

    private StepLoss trainOnce(float[] views) {
        NDManager manager = setup.manager();
        try (NDManager sm = manager.newSubManager(device)) {
            NDArray x = EngineArrays.of(sm, views, inputShape);
            LossResult r;
            if (setup.gradientCache()) {
                r = GradientCache.step(ps, precision.forward(), setup.loss(), x, passes);
            } else {
                try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                    r = setup.loss().compute(project(x));
                    gc.backward(r.loss());
                }
            }
            double value = r.loss().getFloat();
            if (Double.isFinite(value)) {
                update();
            }
            return new StepLoss(value, r.metrics());
        }
    }

    private void update() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            optimizer.updateAll(trainable);
        }
    }


    /** Projections of all 2B views, in the order view 1 then view 2, one encoder pass per range. */
    private NDArray project(NDArray x) {
        return passes.project(ps, precision.forward(), x);
    }

    @Override
    public StepState state() {
        return DjlStepState.of(setup.network(), optimizer);
    }

    /** Nothing to write back: the step trains the network's own parameter arrays. */
    @Override
    public void publish() {}

    @Override
    public void restore(StepState state) {
        DjlStepState.restore(state, setup.network(), optimizer);
    }

    @Override
    public void close() {
        precision.close();
    }
}
