package dev.simclr.eval.probe;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) with beta1 0.9, beta2 0.999, eps 1e-8; the weight decay
 * is already in the gradient (L2, like {@code torch.optim.Adam}'s {@code weight_decay}).
 */
final class ProbeAdam implements StepRule {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final float[] m;
    private final float[] v;
    private int t;

    ProbeAdam(int size) {
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public void step(float[] theta, float[] gradient, double lr) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i];
            m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
            v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
            theta[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS));
        }
    }
}
