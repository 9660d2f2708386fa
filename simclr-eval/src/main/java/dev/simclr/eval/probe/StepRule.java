package dev.simclr.eval.probe;

/** One first-order update of the parameters from a mini-batch gradient. */
interface StepRule {

    void step(float[] theta, float[] gradient, double lr);

    static StepRule of(ProbeSettings settings, int size) {
        return switch (settings.optimizer()) {
            case SGD -> new ProbeMomentumSgd(size, settings.momentum());
            case ADAM -> new ProbeAdam(size);
            case LBFGS -> throw new IllegalArgumentException("L-BFGS is not a step rule");
        };
    }
}
