package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma and Ba 2015) with torch.optim.Adam's semantics, the reference tutorial's optimizer:
 * weight decay is L2 added to the gradient (not decoupled as in AdamW), and both moments are
 * bias-corrected. Per parameter, at its t-th update:
 * <pre>
 *   g = grad + wd * w
 *   m = b1 * m + (1 - b1) * g;   v = b2 * v + (1 - b2) * g^2
 *   w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 */
public final class Adam extends StatefulOptimizer {

    public static final String NAME = "adam";
    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    private Adam(Builder b) {
        super(b, NAME);
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad, float lr, long t, ParameterSlots slots) {
        NDArray m = buffer(slots, EXP_AVG, weight);
        NDArray v = buffer(slots, EXP_AVG_SQ, weight);
        NDArray g = withWeightDecay(weight, grad);
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.square().muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        NDArray denominator = v.sqrt().divi((float) Math.sqrt(correction2)).addi(epsilon);
        weight.subi(m.div(denominator).muli((float) (lr / correction1)));
    }

    /** Builder of {@link Adam}; torch's defaults: betas (0.9, 0.999), eps 1e-8. */
    public static final class Builder extends StatefulOptimizer.Builder<Builder> {
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;

        public Builder optBetas(float b1, float b2) {
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        public Builder optEpsilon(float eps) {
            this.epsilon = eps;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
