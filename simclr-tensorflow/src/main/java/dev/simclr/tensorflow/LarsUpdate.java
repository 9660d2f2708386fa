package dev.simclr.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * LARS (You et al. 2017, arXiv:1708.03888) as the SimCLR reference's {@code tf2/lars_optimizer.py}
 * with classic momentum, and as the PyTorch backend's: biases and batch-norm parameters are
 * excluded from weight decay and adaptation.
 * <pre>
 *   g = grad + wd * w                       (not excluded)
 *   lr' = lr * eta * ||w|| / ||g||          (not excluded, both norms > 0; else lr)
 *   v = m * v + lr' * g
 *   w = w - v                               (nesterov: w = w - (m * v + lr' * g))
 * </pre>
 */
record LarsUpdate(float weightDecay, float momentum, boolean nesterov, float trust) implements GraphUpdate {

    static final String NAME = "lars";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> buffers() {
        return List.of("momentum");
    }

    @Override
    public Result apply(Ops tf, Operand<TFloat32> weight, Operand<TFloat32> grad, List<Operand<TFloat32>> buffers, Operand<TFloat32> rate,
            Operand<TFloat32> aux, boolean excluded) {
        Operand<TFloat32> g = excluded ? grad : GraphUpdate.withWeightDecay(tf, weight, grad, weightDecay);
        Operand<TFloat32> scaled = rate;
        if (!excluded) {
            Operand<TFloat32> wNorm = norm(tf, weight);
            Operand<TFloat32> gNorm = norm(tf, g);
            Operand<TFloat32> zero = tf.constant(0f);
            Operand<TBool> adapt = tf.math.logicalAnd(tf.math.greater(wNorm, zero), tf.math.greater(gNorm, zero));
            Operand<TFloat32> trusted = tf.math.div(tf.math.mul(tf.math.mul(rate, tf.constant(trust)), wNorm), gNorm);
            scaled = tf.select(adapt, trusted, rate);
        }
        Operand<TFloat32> step = tf.math.mul(g, scaled);
        Operand<TFloat32> v = tf.math.add(tf.math.mul(buffers.get(0), tf.constant(momentum)), step);
        Operand<TFloat32> delta = nesterov ? tf.math.add(tf.math.mul(v, tf.constant(momentum)), step) : v;
        return new Result(tf.math.sub(weight, delta), List.of(v));
    }

    /** The L2 norm of all elements. */
    private static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> x) {
        int[] axes = new int[x.shape().numDimensions()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return tf.math.sqrt(tf.sum(tf.math.square(x), tf.constant(axes)));
    }
}
