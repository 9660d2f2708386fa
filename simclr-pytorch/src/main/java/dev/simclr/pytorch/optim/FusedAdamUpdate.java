package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import dev.simclr.api.EngineArrays;
import dev.simclr.pytorch.script.TorchScriptArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link Adam}'s update of many parameters as one TorchScript call, each gradient zeroed after it,
 * instead of about fifteen engine calls per parameter (each with its scalar made in Java). The
 * operations are {@link Adam}'s, in its order and with its float32 constants, so the weights and
 * moments come out bit for bit the same (OptimizerUpdateTest); only the per-call cost goes.
 *
 * <p>Per parameter the module takes the weight, its gradient and both moments, and one row of
 * {@code h}: the update's {@code sqrt(1 - b2^t)} and {@code lr / (1 - b1^t)} as float32; then
 * Adam's constants, each a float32 0-dimensional tensor made once.
 */
final class FusedAdamUpdate implements AutoCloseable {

    /** The module's constant arguments after {@code h}, in this order. */
    private static final String CONSTANTS = "b1: Tensor, omb1: Tensor, b2: Tensor, omb2: Tensor, eps: Tensor, wd: Tensor";

    private final PtSymbolBlock module;
    private final int count;
    private final List<NDArray> constants = new ArrayList<>();

    FusedAdamUpdate(NDManager manager, int count, float beta1, float beta2, float epsilon, float weightDecay) {
        this.count = count;
        JniUtils.setGraphExecutorOptimize(false); // the same ops every call: nothing to specialise
        this.module = TorchScriptArchive.load(manager, arguments(count), body(count, weightDecay > 0));
        // as float32 0-dimensional tensors, the form Adam.apply's Number arguments take in DJL
        for (float c : new float[] {beta1, 1 - beta1, beta2, 1 - beta2, epsilon, weightDecay}) {
            NDArray owned = EngineArrays.scalar(manager, c);
            NDScope.unregister(owned); // kept across steps, though made inside one step's scope
            constants.add(owned);
        }
    }

    int count() {
        return count;
    }

    /**
     * Updates {@code weights} and both moments in place and zeroes {@code grads}.
     *
     * @param corrections per parameter: {@code sqrt(1 - b2^t)}, then {@code lr / (1 - b1^t)}
     */
    void run(List<NDArray> weights, List<NDArray> grads, List<NDArray> firstMoments, List<NDArray> secondMoments,
            float[] corrections) {
        NDManager manager = weights.get(0).getManager();
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = new NDList(4 * count + 1);
            for (int i = 0; i < count; i++) {
                inputs.add(weights.get(i));
                inputs.add(grads.get(i));
                inputs.add(firstMoments.get(i));
                inputs.add(secondMoments.get(i));
            }
            inputs.add(scope.create(corrections, new Shape(count, 2)));
            inputs.addAll(constants);
            module.forward(null, inputs, false).close();
        }
    }

    private static String arguments(int count) {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < count; i++) {
            a.append(String.format(Locale.ROOT, "w%d: Tensor, g%d: Tensor, m%d: Tensor, v%d: Tensor, ", i, i, i, i));
        }
        return a.append("h: Tensor, ").append(CONSTANTS).toString();
    }

    /** Adam.apply's operations, one parameter after the other. */
    private static String body(int count, boolean weightDecay) {
        // in-place updates of leaves that require gradients: outside autograd, as torch.optim does
        StringBuilder b = new StringBuilder("grad_was_enabled = torch.is_grad_enabled()\ntorch.set_grad_enabled(False)\n");
        for (int i = 0; i < count; i++) {
            String g = "g" + i;
            if (weightDecay) {
                b.append(line("d%1$d = torch.add(g%1$d, torch.mul(w%1$d, wd))", i, g));
                g = "d" + i;
            }
            b.append(line("m%1$d.mul_(b1)", i, g));
            b.append(line("m%1$d.add_(torch.mul(%2$s, omb1))", i, g));
            b.append(line("v%1$d.mul_(b2)", i, g));
            b.append(line("v%1$d.add_(torch.mul(torch.square(%2$s), omb2))", i, g));
            b.append(line("s%1$d = torch.sqrt(v%1$d)", i, g));
            b.append(line("s%1$d.div_(h[%1$d, 0])", i, g));
            b.append(line("s%1$d.add_(eps)", i, g));
            b.append(line("w%1$d.sub_(torch.mul(torch.div(m%1$d, s%1$d), h[%1$d, 1]))", i, g));
            b.append(line("g%1$d.sub_(g%1$d)", i, g));
        }
        return b.append("torch.set_grad_enabled(grad_was_enabled)\nreturn h").toString();
    }

    /** One statement: {@code %1$d} the parameter's number, {@code %2$s} its gradient. */
    private static String line(String format, int i, String gradient) {
        return String.format(Locale.ROOT, format, i, gradient) + "\n";
    }

    @Override
    public void close() {
        module.close();
        constants.forEach(NDArray::close);
    }
}
