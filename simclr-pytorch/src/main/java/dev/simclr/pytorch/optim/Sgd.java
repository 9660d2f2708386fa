package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;

/**
 * SGD with momentum and optional Nesterov momentum, with torch.optim.SGD's semantics (no
 * dampening): the learning rate multiplies the whole step, and the momentum buffer starts as the
 * first gradient rather than zero.
 * <pre>
 *   g = grad + wd * w
 *   b = g (first update) or momentum * b + g
 *   d = g + momentum * b (nesterov) or b
 *   w = w - lr * d
 * </pre>
 */
public final class Sgd extends StatefulOptimizer {

    public static final String NAME = "sgd";
    static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final float momentum;
    private final boolean nesterov;

    private Sgd(Builder b) {
        super(b, NAME);
        if (b.nesterov && b.momentum <= 0) {
            throw new IllegalArgumentException("Nesterov momentum needs train.momentum > 0 (as torch.optim.SGD)");
        }
        this.momentum = b.momentum;
        this.nesterov = b.nesterov;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad, float lr, long t, ParameterSlots slots) {
        NDArray g = withWeightDecay(weight, grad);
        NDArray step = g;
        if (momentum > 0) {
            NDArray b = slots.buffer(MOMENTUM_BUFFER);
            if (b == null) {
                b = g.duplicate();
                ai.djl.ndarray.NDScope.unregister(b);
                slots.put(MOMENTUM_BUFFER, b);
            } else {
                b.muli(momentum).addi(g);
            }
            step = nesterov ? g.add(b.mul(momentum)) : b;
        }
        weight.subi(step.mul(lr));
    }

    /** Builder of {@link Sgd}. */
    public static final class Builder extends MomentumBuilder<Builder> {

        Builder() {
            super(0f);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Sgd build() {
            return new Sgd(this);
        }
    }
}
