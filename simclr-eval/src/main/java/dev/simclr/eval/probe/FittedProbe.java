package dev.simclr.eval.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.EngineArrays;
import java.util.Arrays;

/**
 * A fitted linear classifier.
 *
 * @param theta {@code cols x classes} row-major weights, the bias in the last row
 * @param cols feature size plus one
 * @param classes number of classes
 * @param epochs epochs (L-BFGS: iterations) it took
 * @param loss final training loss (of the last batch for mini-batch optimizers)
 */
record FittedProbe(float[] theta, int cols, int classes, int epochs, double loss) {

    private static final int SCORE_CHUNK = 4096;

    /** Class scores (logits) of {@code rows} feature rows that end in the bias 1. */
    float[] scores(NDManager parent, float[] xWithBias, int rows) {
        float[] out = new float[rows * classes];
        try (NDManager m = parent.newSubManager()) {
            NDArray w = m.create(theta, new Shape(cols, classes));
            for (int start = 0; start < rows; start += SCORE_CHUNK) {
                int count = Math.min(SCORE_CHUNK, rows - start);
                try (NDManager chunk = m.newSubManager()) {
                    float[] part = Arrays.copyOfRange(xWithBias, start * cols, (start + count) * cols);
                    NDArray logits = EngineArrays.of(chunk, part, new Shape(count, cols)).matMul(w);
                    System.arraycopy(logits.toFloatArray(), 0, out, start * classes, count * classes);
                }
            }
        }
        return out;
    }
}
