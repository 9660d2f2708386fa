package dev.simclr.eval.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.EngineArrays;

/**
 * Mean softmax cross-entropy of a linear classifier on one batch, plus an L2 penalty on the
 * weights, with its gradient in closed form:
 * {@code dW = X^T (softmax(X W) - Y) / n + wd W}. Only matmul, log-softmax, exp and sums run on the
 * engine, so TensorFlow's DJL engine (no autograd) can fit probes too.
 */
final class SoftmaxCrossEntropy implements Objective, AutoCloseable {

    private final NDManager manager;
    private final NDArray x;
    private final NDArray y;
    private final int rows;
    private final int cols;
    private final int classes;
    private final double weightDecay;

    /**
     * @param xWithBias {@code rows x cols} features, the last column all ones (only its first
     *     {@code rows * cols} floats are read)
     * @param labels class per row
     */
    SoftmaxCrossEntropy(NDManager parent, float[] xWithBias, int rows, int cols, int[] labels, int classes, double weightDecay) {
        this.manager = parent.newSubManager();
        this.rows = rows;
        this.cols = cols;
        this.classes = classes;
        this.weightDecay = weightDecay;
        this.x = EngineArrays.of(manager, xWithBias, new Shape(rows, cols));
        float[] oneHot = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            oneHot[i * classes + labels[i]] = 1f;
        }
        this.y = EngineArrays.of(manager, oneHot, new Shape(rows, classes));
    }

    /** Loss and gradient over all rows. */
    @Override
    public double evaluate(float[] theta, float[] gradient) {
        return evaluate(0, rows, theta, gradient);
    }

    /**
     * Loss and gradient over rows {@code [start, start + count)}: a mini-batch, sliced on the
     * engine so the batch is never copied in from Java.
     */
    double evaluate(int start, int count, float[] theta, float[] gradient) {
        double loss;
        try (NDManager step = manager.newSubManager()) {
            // results of operations on x land in x's manager; lend x and y to this step so the
            // temporaries are freed with it
            x.tempAttach(step);
            y.tempAttach(step);
            boolean all = start == 0 && count == rows;
            NDArray xb = all ? x : x.get(new NDIndex("{}:{}", start, start + count));
            NDArray yb = all ? y : y.get(new NDIndex("{}:{}", start, start + count));
            NDArray w = step.create(theta, new Shape(cols, classes));
            NDArray logProb = xb.matMul(w).logSoftmax(1);
            loss = -yb.mul(logProb).sum().getFloat() / count;
            NDArray grad = xb.transpose().matMul(logProb.exp().sub(yb)).div(count);
            System.arraycopy(grad.toFloatArray(), 0, gradient, 0, theta.length);
        }
        int weights = (cols - 1) * classes;
        double penalty = 0;
        for (int i = 0; i < weights; i++) {
            penalty += (double) theta[i] * theta[i];
            gradient[i] += (float) (weightDecay * theta[i]);
        }
        return loss + 0.5 * weightDecay * penalty;
    }

    @Override
    public void close() {
        manager.close();
    }
}
