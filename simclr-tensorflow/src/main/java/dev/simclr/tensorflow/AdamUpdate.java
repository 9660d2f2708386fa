package dev.simclr.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) as torch.optim.Adam with its defaults (betas 0.9 and 0.999, eps 1e-8),
 * L2 weight decay added to the gradient, both moments bias-corrected:
 * <pre>
 *   g = grad + wd * w
 *   m = b1 * m + (1 - b1) * g;   v = b2 * v + (1 - b2) * g^2
 *   w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * Fed per update: {@code lr / (1 - b1^t)} and {@code sqrt(1 - b2^t)}.
 */
record AdamUpdate(float weightDecay) implements GraphUpdate {

    static final String NAME = "adam";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> buffers() {
        return List.of("exp_avg", "exp_avg_sq");
    }

    @Override
    public float[] feed(float lr, long t) {
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        return new float[] {(float) (lr / correction1), (float) Math.sqrt(correction2)};
    }

    @Override
    public Result apply(Ops tf, Operand<TFloat32> weight, Operand<TFloat32> grad, List<Operand<TFloat32>> buffers, Operand<TFloat32> rate,
            Operand<TFloat32> aux, boolean excluded) {
        Operand<TFloat32> g = GraphUpdate.withWeightDecay(tf, weight, grad, weightDecay);
        Operand<TFloat32> m = tf.math.add(tf.math.mul(buffers.get(0), tf.constant(BETA1)), tf.math.mul(g, tf.constant(1 - BETA1)));
        Operand<TFloat32> v = tf.math.add(tf.math.mul(buffers.get(1), tf.constant(BETA2)),
                tf.math.mul(tf.math.square(g), tf.constant(1 - BETA2)));
        Operand<TFloat32> denominator = tf.math.add(tf.math.div(tf.math.sqrt(v), aux), tf.constant(EPSILON));
        Operand<TFloat32> w = tf.math.sub(weight, tf.math.mul(tf.math.div(m, denominator), rate));
        return new Result(w, List.of(m, v));
    }
}
