package dev.simclr.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * NT-Xent (Chen et al. 2020, arXiv:2002.05709, section 2.1, eq. 1) as graph operators, the same
 * formula as the project's {@code NtXentLoss}: rows L2-normalised as {@code F.normalize} (divided
 * by {@code max(||z||, 1e-12)}), cosine similarities divided by the temperature, the diagonal
 * excluded with a large finite negative, and the mean cross entropy of each row against its
 * positive, row {@code (i + B) mod 2B}. The metrics are computed from the same similarities.
 *
 * @param loss the scalar loss gradients flow from
 * @param top1 fraction of rows whose positive beats every negative
 * @param positiveMean mean cosine similarity of the positive pairs
 * @param negativeSum sum of the cosine similarities of all negative pairs
 */
record NtXentGraph(Operand<TFloat32> loss, Operand<TFloat32> top1, Operand<TFloat32> positiveMean, Operand<TFloat32> negativeSum) {

    /** What excludes a pair from a softmax: exp of it is exactly 0, and unlike -inf it keeps sums finite. */
    private static final float EXCLUDED = -1e9f;

    /** @param z {@code [rows, D]} raw projections, first views then second views */
    static NtXentGraph of(Ops tf, Operand<TFloat32> z, int rows, double temperature) {
        Operand<TFloat32> norm = tf.math.sqrt(tf.sum(tf.math.square(z), tf.constant(1), Sum.keepDims(true)));
        Operand<TFloat32> unit = tf.math.div(z, tf.math.maximum(norm, tf.constant(1e-12f)));
        Operand<TFloat32> cosine = tf.linalg.matMul(unit, unit, MatMul.transposeB(true));
        Operand<TFloat32> self = tf.constant(mask(rows, false));
        Operand<TFloat32> partner = tf.constant(mask(rows, true));
        Operand<TFloat32> logits = tf.math.add(tf.math.div(cosine, tf.constant((float) temperature)), tf.math.mul(self, tf.constant(EXCLUDED)));
        Operand<TFloat32> logProbPositive = tf.sum(tf.math.mul(tf.nn.logSoftmax(logits), partner), tf.constant(1));
        Operand<TFloat32> loss = tf.math.neg(tf.math.mean(logProbPositive, tf.constant(0)));

        Operand<TFloat32> positive = tf.sum(tf.math.mul(cosine, partner), tf.constant(1));
        Operand<TFloat32> excluded = tf.math.mul(tf.math.add(self, partner), tf.constant(EXCLUDED));
        Operand<TFloat32> bestNegative = tf.max(tf.math.add(cosine, excluded), tf.constant(1));
        Operand<TFloat32> top1 = tf.math.mean(tf.dtypes.cast(tf.math.greater(positive, bestNegative), TFloat32.class), tf.constant(0));
        var all = tf.constant(new int[] {0, 1});
        Operand<TFloat32> negativeSum = tf.math.sub(tf.math.sub(tf.sum(cosine, all), tf.sum(tf.math.mul(cosine, self), all)),
                tf.sum(positive, tf.constant(0)));
        return new NtXentGraph(loss, top1, tf.math.mean(positive, tf.constant(0)), negativeSum);
    }

    /** The identity (each row itself) or the partner mask (row i's positive), as {@code [rows, rows]} ones. */
    private static float[][] mask(int rows, boolean partner) {
        float[][] m = new float[rows][rows];
        for (int i = 0; i < rows; i++) {
            m[i][partner ? (i + rows / 2) % rows : i] = 1f;
        }
        return m;
    }
}
