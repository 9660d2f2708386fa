package dev.simclr.pytorch.parallel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.simclr.api.EngineArrays;
import dev.simclr.api.ImageShape;
import dev.simclr.api.LossResult;
import dev.simclr.api.step.Precision;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.DeviceCopy;
import dev.simclr.loss.GlobalBatch;
import dev.simclr.pytorch.backend.DjlStepState;
import dev.simclr.api.step.Passes;
import dev.simclr.pytorch.optim.Optimizers;
import dev.simclr.pytorch.optim.StatefulOptimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-parallel training step over several devices in one process. Each device encodes its slice of
 * both views with its replica of the parameters (batch norm normalising over that slice); the
 * projections meet on the first device as the global batch, whose loss is back-propagated to every
 * replica by {@link GlobalBatch#backward}. Each replica then holds its share of the gradient of the
 * loss averaged over all 2B views; their sum, taken on the first device, is that mean's gradient
 * (the one a single device computes on the whole batch, not N times it), the optimizer steps once,
 * and the new weights are copied to every other replica, so the replicas stay identical.
 *
 * <p>Batch-norm running statistics stay per replica; the first device's are the ones checkpointed
 * and exported. Devices are driven one after the other from this thread.
 */
public final class DataParallelStep implements TrainingStep {

    private final TrainingSetup setup;
    private final StatefulOptimizer optimizer;
    private final BatchSplit split;
    private final List<Device> devices;
    private final List<ReplicaParameters> replicas = new ArrayList<>();
    private final List<Passes> passes = new ArrayList<>();
    private final List<Parameter> trainable = new ArrayList<>();
    private final List<Parameter> all = new ArrayList<>();
    private final NDManager replicaManager;
    private final DeviceCopy copy;

    /**
     * @param devices where the replicas run, the first holding the network's own parameters
     * @param copy how arrays move between devices ({@link DeviceCopy#engine()} but in tests)
     */
    public DataParallelStep(TrainingSetup setup, List<Device> devices, DeviceCopy copy) {
        if (setup.gradientCache()) {
            throw new IllegalArgumentException("train.gradient-cache with backend.devices " + devices.size()
                    + " is not supported; use one device for gradient caching, or turn it off");
        }
        if (setup.precision() != Precision.FP32) {
            throw new IllegalArgumentException("train.precision: " + setup.precision().key() + " with backend.devices "
                    + devices.size() + " is not supported; train in fp32 on several devices, or in bf16 on one");
        }
        this.setup = setup;
        this.copy = copy;
        this.optimizer = Optimizers.create(setup.optimizer(), setup.network());
        this.split = BatchSplit.of(setup.batchSize(), devices.size(), 1);
        for (Pair<String, Parameter> p : setup.network().getParameters()) {
            all.add(p.getValue());
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
        this.devices = List.copyOf(devices);
        this.replicaManager = setup.manager().newSubManager();
        for (int k = 0; k < devices.size(); k++) {
            int b = split.sizes()[k];
            passes.add(Passes.of(2 * b, setup.perViewBatchNorm() ? b : 2 * b, setup.passSize()));
        }
    }

    /** The replicas, made from the network's values on first use (a step may be made before the network is initialised). */
    private List<ReplicaParameters> live() {
        if (replicas.isEmpty()) {
            for (int k = 0; k < devices.size(); k++) {
                Device d = devices.get(k);
                replicas.add(k == 0 ? ReplicaParameters.original(setup.manager(), setup.network(), d)
                        : ReplicaParameters.copy(replicaManager, setup.network(), d));
            }
        }
        return replicas;
    }

    @Override
    public StepLoss train(float[] views) {
        ImageShape shape = setup.viewShape();
        int rowSize = shape.channels() * shape.height() * shape.width();
        List<ReplicaParameters> replicas = live();
        try (NDManager sm = setup.manager().newSubManager()) {
            LossResult r;
            try (GradientCollector gc = sm.getEngine().newGradientCollector()) {
                List<NDArray> projections = new ArrayList<>();
                for (int k = 0; k < replicas.size(); k++) {
                    ReplicaParameters replica = replicas.get(k);
                    NDManager onDevice = sm.newSubManager(replica.device());
                    long rows = 2L * split.sizes()[k];
                    NDArray x = EngineArrays.of(onDevice, split.viewsOf(views, k, rowSize), new Shape(rows, shape.channels(), shape.height(), shape.width()));
                    projections.add(passes.get(k).project(replica, setup.network(), x));
                }
                r = GlobalBatch.backward(gc, setup.loss(), projections, replicas.get(0).device(), copy);
            }
            double value = r.loss().getFloat();
            if (Double.isFinite(value)) {
                update();
            } else {
                zeroGradients();
            }
            return new StepLoss(value, r.metrics());
        }
    }

    /** Sums the replicas' gradients on the first device, steps once there, and copies the weights back out. */
    private void update() {
        ReplicaParameters main = replicas.get(0);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Parameter p : trainable) {
                NDArray w = main.array(p);
                NDArray g = w.getGradient();
                for (int k = 1; k < replicas.size(); k++) {
                    NDArray gk = replicas.get(k).array(p).getGradient();
                    g.addi(copy.copy(gk, main.device()));
                    gk.subi(gk);
                }
                optimizer.update(p.getId(), w, g);
                g.subi(g);
            }
            for (int k = 1; k < replicas.size(); k++) {
                replicas.get(k).copyFrom(main, trainable);
            }
        }
    }

    private void zeroGradients() {
        for (ReplicaParameters replica : replicas) {
            for (Parameter p : trainable) {
                NDArray g = replica.array(p).getGradient();
                g.subi(g);
            }
        }
    }

    /** The replicas, first device first (for tests and diagnostics). */
    public List<ReplicaParameters> replicas() {
        return List.copyOf(live());
    }

    @Override
    public StepState state() {
        return DjlStepState.of(setup.network(), optimizer);
    }

    /** Nothing to write back: the first device's replica is the network itself, and every step updates it. */
    @Override
    public void publish() {}

    /** Restores the first device's parameters and optimizer, then gives every replica the same values. */
    @Override
    public void restore(StepState state) {
        DjlStepState.restore(state, setup.network(), optimizer);
        List<ReplicaParameters> replicas = live();
        for (int k = 1; k < replicas.size(); k++) {
            replicas.get(k).copyFrom(replicas.get(0), all);
        }
    }

    @Override
    public void close() {
        replicaManager.close();
    }
}
