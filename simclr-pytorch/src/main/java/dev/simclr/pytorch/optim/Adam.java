package dev.simclr.pytorch.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

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
    private FusedAdamUpdate fused;

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
        NDArray denominator = v.sqrt().divi(secondMomentCorrection(t)).addi(epsilon);
        weight.subi(m.div(denominator).muli(stepSize(lr, t)));
    }

    /** {@code sqrt(1 - b2^t)}, in double, then rounded to float32. */
    private float secondMomentCorrection(long t) {
        return (float) Math.sqrt(1 - Math.pow(beta2, t));
    }

    /** {@code lr / (1 - b1^t)}, in double, then rounded to float32. */
    private float stepSize(float lr, long t) {
        return (float) (lr / (1 - Math.pow(beta1, t)));
    }

    /**
     * On the PyTorch engine, with every parameter on one device, the whole step is one
     * {@link FusedAdamUpdate} call with the same results as {@link #apply} on each in turn.
     */
    @Override
    public void updateAll(List<Parameter> parameters) {
        if (!fusable(parameters)) {
            super.updateAll(parameters);
            return;
        }
        int n = parameters.size();
        List<NDArray> weights = new ArrayList<>(n);
        List<NDArray> grads = new ArrayList<>(n);
        List<NDArray> firstMoments = new ArrayList<>(n);
        List<NDArray> secondMoments = new ArrayList<>(n);
        List<NextUpdate> updates = new ArrayList<>(n);
        float[] corrections = new float[2 * n];
        for (int i = 0; i < n; i++) {
            Parameter p = parameters.get(i);
            NDArray weight = p.getArray();
            NextUpdate next = next(p.getId());
            weights.add(weight);
            grads.add(weight.getGradient());
            firstMoments.add(buffer(next.slots(), EXP_AVG, weight));
            secondMoments.add(buffer(next.slots(), EXP_AVG_SQ, weight));
            corrections[2 * i] = secondMomentCorrection(next.t());
            corrections[2 * i + 1] = stepSize(next.lr(), next.t());
            updates.add(next);
        }
        if (fused == null || fused.count() != n) {
            if (fused != null) {
                fused.close();
            }
            fused = new FusedAdamUpdate(weights.get(0).getManager(), n, beta1, beta2, epsilon, getWeightDecay());
        }
        fused.run(weights, grads, firstMoments, secondMoments, corrections);
        updates.forEach(NextUpdate::done);
    }

    /** How many parameters the last one-call update took; 0 when none was made. */
    int fusedParameters() {
        return fused == null ? 0 : fused.count();
    }

    private static boolean fusable(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return false;
        }
        NDArray first = parameters.get(0).getArray();
        Device device = first.getDevice();
        return "PyTorch".equals(first.getManager().getEngine().getEngineName())
                && parameters.stream().allMatch(p -> p.getArray().getDevice().equals(device));
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
