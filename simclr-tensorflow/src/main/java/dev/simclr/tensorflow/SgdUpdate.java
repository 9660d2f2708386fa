package dev.simclr.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SGD with momentum and optional Nesterov momentum as torch.optim.SGD (no dampening). The momentum
 * buffer starts at zeros here, so its first update {@code momentum * 0 + g} is the first gradient,
 * as torch starts it:
 * <pre>
 *   g = grad + wd * w
 *   b = momentum * b + g
 *   d = g + momentum * b (nesterov) or b
 *   w = w - lr * d
 * </pre>
 */
record SgdUpdate(float weightDecay, float momentum, boolean nesterov) implements GraphUpdate {

    static final String NAME = "sgd";

    SgdUpdate {
        if (nesterov && momentum <= 0) {
            throw new IllegalArgumentException("Nesterov momentum needs train.momentum > 0 (as torch.optim.SGD)");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> buffers() {
        return momentum > 0 ? List.of("momentum_buffer") : List.of();
    }

    @Override
    public Result apply(Ops tf, Operand<TFloat32> weight, Operand<TFloat32> grad, List<Operand<TFloat32>> buffers, Operand<TFloat32> rate,
            Operand<TFloat32> aux, boolean excluded) {
        Operand<TFloat32> g = GraphUpdate.withWeightDecay(tf, weight, grad, weightDecay);
        if (momentum <= 0) {
            return new Result(tf.math.sub(weight, tf.math.mul(g, rate)), List.of());
        }
        Operand<TFloat32> b = tf.math.add(tf.math.mul(buffers.get(0), tf.constant(momentum)), g);
        Operand<TFloat32> step = nesterov ? tf.math.add(g, tf.math.mul(b, tf.constant(momentum))) : b;
        return new Result(tf.math.sub(weight, tf.math.mul(step, rate)), List.of(b));
    }
}
