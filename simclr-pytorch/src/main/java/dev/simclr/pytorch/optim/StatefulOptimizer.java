package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DJL {@link Optimizer} whose whole state is visible, so that a checkpoint can save it and a
 * resumed run can continue with exactly the same updates (DJL's own Adam and SGD keep theirs
 * private). Each parameter has its own update count, as in torch.optim, and the learning rate of
 * its k-th update (1-based) comes from the tracker. Temporaries of an update are freed when it
 * returns; the buffers live as long as the weights.
 */
public abstract class StatefulOptimizer extends Optimizer {

    private final String name;
    private final ParameterTracker learningRate;
    private final Map<String, ParameterSlots> state = new ConcurrentHashMap<>();

    /** @param name the name used in {@code train.optimizer} and in checkpoints */
    protected StatefulOptimizer(Builder<?> builder, String name) {
        this(builder, builder.learningRate, name);
    }

    private StatefulOptimizer(OptimizerBuilder<?> builder, ParameterTracker learningRate, String name) {
        super(builder);
        if (learningRate == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a learning-rate tracker");
        }
        this.name = name;
        this.learningRate = learningRate;
    }

    /** The name used in {@code train.optimizer} and in checkpoints. */
    public final String name() {
        return name;
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        NextUpdate next = next(parameterId);
        try (NDScope scope = new NDScope()) {
            apply(parameterId, weight, grad, next.lr(), next.t(), next.slots());
            for (NDArray b : next.slots().buffers().values()) {
                NDScope.unregister(b);
            }
            scope.suppressNotUsedWarning();
        }
        next.done();
    }

    /**
     * One training step's update: every parameter from its gradient, each gradient zeroed after.
     * The same as {@link #update} on each in turn; a subclass may do them together.
     */
    public void updateAll(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            NDArray weight = p.getArray();
            NDArray grad = weight.getGradient();
            update(p.getId(), weight, grad);
            grad.subi(grad);
        }
    }

    /** A parameter's next update: its state, the update's 1-based count and its learning rate. */
    protected record NextUpdate(ParameterSlots slots, long t, float lr) {
        /** Counts the update as applied. */
        public void done() {
            slots.setUpdates(t);
        }
    }

    protected final NextUpdate next(String parameterId) {
        ParameterSlots slots = state.computeIfAbsent(parameterId, k -> new ParameterSlots());
        long t = slots.updates() + 1;
        return new NextUpdate(slots, t, learningRate.getNewValue(parameterId, (int) Math.min(Integer.MAX_VALUE, t)));
    }

    /**
     * One update of {@code weight} in place.
     *
     * @param lr learning rate of this update
     * @param t 1-based count of this parameter's updates, this one included
     * @param slots this parameter's buffers (create them with {@link #buffer})
     */
    protected abstract void apply(String parameterId, NDArray weight, NDArray grad, float lr, long t, ParameterSlots slots);

    /** The named buffer of a parameter, made as zeros like the weight on first use. */
    /** {@code grad + wd * weight}: L2 decay added to the gradient, as torch.optim and the SimCLR LARS do. */
    protected NDArray withWeightDecay(NDArray weight, NDArray grad) {
        float wd = getWeightDecay();
        return wd > 0 ? grad.add(weight.mul(wd)) : grad;
    }

    protected static NDArray buffer(ParameterSlots slots, String name, NDArray weight) {
        NDArray b = slots.buffer(name);
        if (b == null) {
            b = weight.zerosLike();
            NDScope.unregister(b);
            slots.put(name, b);
        }
        return b;
    }

    /** The state of every parameter updated so far, by parameter id; read-only view. */
    public Map<String, ParameterSlots> state() {
        return Collections.unmodifiableMap(state);
    }

    /**
     * Restores one parameter's state (from a checkpoint). The buffers become owned by this
     * optimizer; they must have the weight's shape and live on its device.
     */
    public void restore(String parameterId, long updates, Map<String, NDArray> buffers) {
        ParameterSlots slots = new ParameterSlots();
        slots.setUpdates(updates);
        buffers.forEach(slots::put);
        ParameterSlots old = state.put(parameterId, slots);
        if (old != null) {
            old.buffers().values().forEach(NDArray::close);
        }
    }

    /** What every builder of these optimizers takes: the learning-rate schedule. */
    public abstract static class Builder<T extends Builder<T>> extends OptimizerBuilder<T> {
        private ParameterTracker learningRate;

        public T setLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return self();
        }
    }

    /** Builders of the momentum optimizers (sgd, lars): momentum and Nesterov. */
    public abstract static class MomentumBuilder<T extends MomentumBuilder<T>> extends Builder<T> {
        protected float momentum;
        protected boolean nesterov;

        protected MomentumBuilder(float defaultMomentum) {
            this.momentum = defaultMomentum;
        }

        public T optMomentum(float m) {
            this.momentum = m;
            return self();
        }

        public T optNesterov(boolean n) {
            this.nesterov = n;
            return self();
        }
    }
}
