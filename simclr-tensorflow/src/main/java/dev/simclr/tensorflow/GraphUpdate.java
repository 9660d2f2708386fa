package dev.simclr.tensorflow;

import dev.simclr.api.step.OptimizerSettings;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer's update of one parameter as graph operators, the same formulas, in the same float
 * arithmetic, as the PyTorch backend's optimizers, with buffers named as torch.optim names its
 * state so that checkpoints move between the engines. What depends on the parameter's update
 * count (the learning rate, bias corrections) is computed outside the graph and fed per step.
 */
interface GraphUpdate {

    /** The optimizer's name as in {@code train.optimizer} and in checkpoints. */
    String name();

    /** The names of a parameter's buffers, in checkpoint order. */
    List<String> buffers();

    /**
     * What is fed for a parameter's {@code t}-th update (1-based) at learning rate {@code lr}: two
     * scalars, {@code rate} and {@code aux} of {@link #apply}; the learning rate and no aux unless
     * the update needs more (Adam's bias corrections).
     */
    default float[] feed(float lr, long t) {
        return new float[] {lr, 0f};
    }

    /**
     * The parameter's new value and buffers after one update.
     *
     * @param excluded whether the parameter is a bias or batch-norm scale/shift (LARS neither decays
     *     nor adapts those)
     */
    Result apply(Ops tf, Operand<TFloat32> weight, Operand<TFloat32> grad, List<Operand<TFloat32>> buffers, Operand<TFloat32> rate,
            Operand<TFloat32> aux, boolean excluded);

    /**
     * @param weight the updated parameter
     * @param buffers its updated buffers, in {@link #buffers()} order
     */
    record Result(Operand<TFloat32> weight, List<Operand<TFloat32>> buffers) {}

    /** The update the {@code train:} section names. */
    static GraphUpdate of(OptimizerSettings o) {
        float wd = (float) o.weightDecay();
        float momentum = (float) o.momentum();
        return switch (o.name()) {
            case AdamUpdate.NAME -> new AdamUpdate(wd);
            case SgdUpdate.NAME -> new SgdUpdate(wd, momentum, o.nesterov());
            case LarsUpdate.NAME -> new LarsUpdate(wd, momentum, o.nesterov(), (float) o.trustCoefficient());
            default -> throw new IllegalArgumentException("train.optimizer: unknown optimizer '" + o.name() + "'; use adam, sgd or lars");
        };
    }

    /** {@code grad + wd * weight}: L2 decay added to the gradient, as torch.optim and the SimCLR LARS do. */
    static Operand<TFloat32> withWeightDecay(Ops tf, Operand<TFloat32> weight, Operand<TFloat32> grad, float wd) {
        return wd > 0 ? tf.math.add(grad, tf.math.mul(weight, tf.constant(wd))) : grad;
    }
}
