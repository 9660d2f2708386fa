package dev.simclr.eval.probe;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Fits multinomial logistic regression on features that end in a bias 1. The weights start at
 * zero (the loss is convex, so no random start is needed) or, along a regularisation path, at the
 * previous solution; the only random draw is the mini-batch order, so a seed fixes the result.
 */
final class SoftmaxRegression {

    private SoftmaxRegression() {}

    /**
     * @param x {@code rows x cols} training features ending in a bias 1
     * @param initial weights to start from ({@code cols x classes}, not modified), or null for zeros
     * @param onEpoch called after each epoch (L-BFGS: iteration) with its number
     */
    static FittedProbe fit(
            NDManager manager, float[] x, int rows, int cols, int[] labels, int classes, ProbeSettings s, float[] initial, IntConsumer onEpoch) {
        if (rows == 0) {
            throw new IllegalArgumentException("the training split has no features to fit a probe on");
        }
        float[] theta = initial == null ? new float[cols * classes] : initial.clone();
        if (s.optimizer() == ProbeOptimizer.LBFGS) {
            try (SoftmaxCrossEntropy full = new SoftmaxCrossEntropy(manager, x, rows, cols, labels, classes, s.weightDecay())) {
                Lbfgs.Outcome o = Lbfgs.minimize(full, theta, s.epochs(), s.lr(), onEpoch);
                return new FittedProbe(theta, cols, classes, o.iterations(), o.loss());
            }
        }
        int batch = s.batchSize() == 0 || s.batchSize() >= rows ? rows : s.batchSize();
        int stepsPerEpoch = (rows + batch - 1) / batch;
        long totalSteps = (long) stepsPerEpoch * s.epochs();
        StepRule rule = StepRule.of(s, theta.length);
        float[] grad = new float[theta.length];
        double loss = Double.NaN;
        long step = 0;
        if (batch == rows) {
            try (SoftmaxCrossEntropy full = new SoftmaxCrossEntropy(manager, x, rows, cols, labels, classes, s.weightDecay())) {
                for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                    loss = full.evaluate(theta, grad);
                    rule.step(theta, grad, cosine(s.lr(), step++, totalSteps));
                    onEpoch.accept(epoch);
                }
            }
            return new FittedProbe(theta, cols, classes, s.epochs(), loss);
        }
        // each epoch's shuffled copy goes to the engine at once and batches are slices of it:
        // one transfer per epoch instead of one per step
        SplittableRandom rng = new SplittableRandom(s.seed());
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        float[] shuffled = new float[rows * cols];
        int[] shuffledLabels = new int[rows];
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            shuffle(order, rng);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(x, order[i] * cols, shuffled, i * cols, cols);
                shuffledLabels[i] = labels[order[i]];
            }
            try (SoftmaxCrossEntropy pass = new SoftmaxCrossEntropy(manager, shuffled, rows, cols, shuffledLabels, classes, s.weightDecay())) {
                for (int start = 0; start < rows; start += batch) {
                    int count = Math.min(batch, rows - start);
                    loss = pass.evaluate(start, count, theta, grad);
                    rule.step(theta, grad, cosine(s.lr(), step++, totalSteps));
                }
            }
            onEpoch.accept(epoch);
        }
        return new FittedProbe(theta, cols, classes, s.epochs(), loss);
    }

    /** Cosine decay from {@code lr} towards 0 over the run (SGDR without restarts, Loshchilov and Hutter 2017). */
    private static double cosine(double lr, long step, long total) {
        return 0.5 * lr * (1 + Math.cos(Math.PI * step / total));
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
