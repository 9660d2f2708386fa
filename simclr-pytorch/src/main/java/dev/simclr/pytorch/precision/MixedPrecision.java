package dev.simclr.pytorch.precision;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.simclr.api.step.Precision;
import java.util.List;
import java.util.function.Consumer;

/**
 * The block a training step runs its forward pass through for a {@code train.precision}: the
 * network itself in fp32, or a {@link MixedPrecisionNetwork} over it in bf16. Parts of the network
 * that cannot be converted stay fp32, and one line says which.
 */
public final class MixedPrecision implements AutoCloseable {

    /** {@code c10::ScalarType::BFloat16}. */
    private static final int BFLOAT16 = 15;

    private final Block forward;
    private final ScriptedOps ops;

    private MixedPrecision(Block forward, ScriptedOps ops) {
        this.forward = forward;
        this.ops = ops;
    }

    /**
     * @param network the initialised network (its parameters stay fp32 and receive the gradients)
     * @param manager the manager the network's parameters live in
     * @param precision the arithmetic asked for
     * @param notes receives the line saying which blocks stay fp32, if any
     */
    public static MixedPrecision of(Block network, NDManager manager, Precision precision, Consumer<String> notes) {
        if (precision == Precision.FP32) {
            return new MixedPrecision(network, null);
        }
        List<String> fp32 = Conversion.fp32Blocks(network);
        if (!fp32.isEmpty()) {
            notes.accept("note: train.precision " + precision.key() + ": " + String.join(", ", fp32)
                    + (fp32.size() == 1 ? " is a block" : " are blocks") + " whose forward pass mixed precision cannot see into; "
                    + (fp32.size() == 1 ? "it runs" : "they run") + " in fp32");
        }
        if (!Conversion.convertsAny(network)) {
            return new MixedPrecision(network, null);
        }
        ScriptedOps ops = new ScriptedOps(manager, BFLOAT16);
        return new MixedPrecision(new MixedPrecisionNetwork(network, ops), ops);
    }

    /** The block to run the training forward pass through: maps the same inputs to the same outputs as the network. */
    public Block forward() {
        return forward;
    }

    @Override
    public void close() {
        if (ops != null) {
            ops.close();
        }
    }
}
