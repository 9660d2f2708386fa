package dev.simclr.eval.probe;

/**
 * SGD with heavy-ball momentum in PyTorch's form ({@code torch.optim.SGD}, dampening 0):
 * {@code v = mu v + g; theta -= lr v}.
 */
final class ProbeMomentumSgd implements StepRule {

    private final float[] velocity;
    private final double momentum;

    ProbeMomentumSgd(int size, double momentum) {
        this.velocity = new float[size];
        this.momentum = momentum;
    }

    @Override
    public void step(float[] theta, float[] gradient, double lr) {
        for (int i = 0; i < theta.length; i++) {
            velocity[i] = (float) (momentum * velocity[i] + gradient[i]);
            theta[i] -= (float) (lr * velocity[i]);
        }
    }
}
