package dev.simclr.train.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LARS (You et al. 2017, arXiv:1708.03888) as the SimCLR reference implementation uses it
 * ({@code lars_optimizer.py}): classic momentum, weight decay added to the gradient, and a
 * layer-wise trust ratio {@code eta * ||w|| / ||g||} (1 when either norm is 0). Batch-norm and
 * bias parameters are excluded from both weight decay and adaptation, as the reference does.
 *
 * <p>Per parameter: {@code g' = g + wd*w} (not excluded); {@code lr' = lr * trust};
 * {@code v = m*v + lr'*g'}; {@code w = w - v}.
 */
public final class Lars extends Optimizer {

    private final ParameterTracker learningRate;
    private final float momentum;
    private final float trust;
    private final Block block;
    private volatile Set<String> excluded;
    private final Map<String, Map<Device, NDArray>> velocity = new ConcurrentHashMap<>();

    private Lars(Builder b) {
        super(b);
        this.learningRate = b.learningRate;
        this.momentum = b.momentum;
        this.trust = b.trust;
        this.block = b.block;
        this.excluded = b.excludedIds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parameters of this block that are biases or batch-norm gamma/beta: excluded from decay and adaptation. */
    public static Set<String> excludedIds(Block block) {
        Set<String> ids = new HashSet<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter.Type t = p.getValue().getType();
            if (t == Parameter.Type.BIAS || t == Parameter.Type.GAMMA || t == Parameter.Type.BETA) {
                ids.add(p.getValue().getId());
            }
        }
        return ids;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        if (excluded == null) {
            excluded = block == null ? Set.of() : excludedIds(block);
        }
        float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
        boolean adapt = !excluded.contains(parameterId);
        NDArray g = grad;
        float wd = getWeightDecay();
        if (adapt && wd > 0) {
            g = grad.add(weight.mul(wd));
        }
        float ratio = 1f;
        if (adapt) {
            float wNorm = weight.norm().getFloat();
            float gNorm = g.norm().getFloat();
            if (wNorm > 0 && gNorm > 0) {
                ratio = trust * wNorm / gNorm;
            }
        }
        NDArray v = withDefaultState(velocity, parameterId, weight.getDevice(), k -> weight.zerosLike());
        v.muli(momentum).addi(g.mul(lr * ratio));
        weight.subi(v);
        if (g != grad) {
            g.close();
        }
    }

    /** Momentum buffers by parameter id (for checkpoints). */
    public Map<String, Map<Device, NDArray>> velocity() {
        return velocity;
    }

    /** Builder of {@link Lars}. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRate;
        private float momentum = 0.9f;
        private float trust = 0.001f;
        private Block block;
        private Set<String> excludedIds;

        public Builder setLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return this;
        }

        public Builder optMomentum(float m) {
            this.momentum = m;
            return this;
        }

        public Builder optTrustCoefficient(float eta) {
            this.trust = eta;
            return this;
        }

        /** The trained block, whose bias and batch-norm parameters are found on the first update. */
        public Builder optBlock(Block b) {
            this.block = b;
            return this;
        }

        /** Explicit excluded parameter ids (instead of {@link #optBlock}). */
        public Builder optExcludedIds(Set<String> ids) {
            this.excludedIds = Set.copyOf(ids);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Lars build() {
            if (learningRate == null) {
                throw new IllegalArgumentException("LARS needs a learning-rate tracker");
            }
            return new Lars(this);
        }
    }
}
