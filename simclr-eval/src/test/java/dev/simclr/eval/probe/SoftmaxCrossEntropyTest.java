package dev.simclr.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.simclr.eval.TestBackend;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    @Test
    void closedFormGradientMatchesCentralFiniteDifferences() {
        int rows = 7;
        int cols = 4; // three features and the bias column
        int classes = 3;
        Random r = new Random(3);
        float[] x = new float[rows * cols];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols - 1; j++) {
                x[i * cols + j] = (float) r.nextGaussian();
            }
            x[i * cols + cols - 1] = 1f;
            labels[i] = r.nextInt(classes);
        }
        float[] theta = new float[cols * classes];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) (0.5 * r.nextGaussian());
        }
        try (NDManager m = new TestBackend().newManager();
                SoftmaxCrossEntropy f = new SoftmaxCrossEntropy(m, x, rows, cols, labels, classes, 0.3)) {
            float[] grad = new float[theta.length];
            f.evaluate(theta, grad);
            float[] scratch = new float[theta.length];
            double h = 1e-2;
            for (int i = 0; i < theta.length; i++) {
                float[] plus = theta.clone();
                float[] minus = theta.clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                double numeric = (f.evaluate(plus, scratch) - f.evaluate(minus, scratch)) / (2 * h);
                assertEquals(numeric, grad[i], 2e-3, "d loss / d theta[" + i + "]");
            }
        }
    }

    @Test
    void lossAtZeroWeightsIsLogOfClassCount() {
        float[] x = {1, 2, 1, -1, 0.5f, 1};
        try (NDManager m = new TestBackend().newManager();
                SoftmaxCrossEntropy f = new SoftmaxCrossEntropy(m, x, 3, 2, new int[] {0, 1, 3}, 4, 1.0)) {
            double loss = f.evaluate(new float[8], new float[8]);
            assertEquals(Math.log(4), loss, 1e-6);
        }
    }
}
