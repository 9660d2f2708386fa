package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashSet;
import java.util.Set;

/**
 * LARS (You et al. 2017, arXiv:1708.03888) as the SimCLR reference uses it
 * ({@code tf2/lars_optimizer.py}, classic momentum): weight decay is added to the gradient, the
 * learning rate is scaled by the layer's trust ratio {@code eta * ||w|| / ||g||} (1 when either
 * norm is 0), and momentum accumulates the scaled step. Batch-norm and bias parameters are
 * excluded from both weight decay and adaptation ({@code exclude_from_weight_decay =
 * ['batch_normalization', 'bias']} in the reference's {@code model.py}, which it also uses for
 * adaptation).
 * <pre>
 *   g = grad + wd * w                       (not excluded)
 *   lr' = lr * eta * ||w|| / ||g||          (not excluded, both norms > 0; else lr)
 *   v = m * v + lr' * g
 *   w = w - v                               (nesterov: w = w - (m * v + lr' * g))
 * </pre>
 */
public final class Lars extends StatefulOptimizer {

    public static final String NAME = "lars";
    static final String MOMENTUM = "momentum";

    private final float momentum;
    private final float trust;
    private final boolean nesterov;
    private final Block block;
    private volatile Set<String> excluded;

    private Lars(Builder b) {
        super(b, NAME);
        this.momentum = b.momentum;
        this.trust = b.trust;
        this.nesterov = b.nesterov;
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
    protected void apply(String parameterId, NDArray weight, NDArray grad, float lr, long t, ParameterSlots slots) {
        if (excluded == null) {
            excluded = block == null ? Set.of() : excludedIds(block);
        }
        boolean adapt = !excluded.contains(parameterId);
        NDArray g = adapt ? withWeightDecay(weight, grad) : grad;
        float scaled = lr;
        if (adapt) {
            float wNorm = weight.norm().getFloat();
            float gNorm = g.norm().getFloat();
            if (wNorm > 0 && gNorm > 0) {
                scaled = lr * trust * wNorm / gNorm;
            }
        }
        NDArray v = buffer(slots, MOMENTUM, weight);
        NDArray step = g.mul(scaled);
        v.muli(momentum).addi(step);
        weight.subi(nesterov ? v.mul(momentum).addi(step) : v);
    }

    /** Builder of {@link Lars}. */
    public static final class Builder extends MomentumBuilder<Builder> {
        private float trust = 0.001f;
        private Block block;
        private Set<String> excludedIds;

        Builder() {
            super(0.9f);
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
            return new Lars(this);
        }
    }
}
