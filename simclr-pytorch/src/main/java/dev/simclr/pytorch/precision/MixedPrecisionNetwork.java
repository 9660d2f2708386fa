package dev.simclr.pytorch.precision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.simclr.models.ResidualConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of a network with its layers computed by {@link ScriptedOps} in a lower
 * precision (bfloat16, from the network's own fp32 parameters): it walks the network's block tree
 * and runs each largest stretch of layers that {@link FusedScript} can write (in the built-in
 * encoders with the CIFAR stem and heads, the whole network) as one module, with the activations in
 * bfloat16 inside it and fp32 at its ends. It owns no parameters: gradients land in the network's
 * parameters, batch norm updates the network's running statistics, and checkpoints, exports and
 * evaluation see the same network as in fp32.
 *
 * <p>A block it cannot see into (see {@link Conversion}) runs as the block itself does, in fp32,
 * and so does any layer between two stretches that is not one of the script's layers.
 */
final class MixedPrecisionNetwork extends AbstractBlock {

    private final Block network;
    private final ScriptedOps ops;

    MixedPrecisionNetwork(Block network, ScriptedOps ops) {
        super((byte) 1);
        this.network = network;
        this.ops = ops;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(eval(network, inputs.singletonOrThrow(), ps, training, params));
    }

    private NDArray eval(Block block, NDArray x, ParameterStore ps, boolean training, PairList<String, Object> params) {
        if (FusedScript.fusable(block) && Conversion.convertsAny(block)) {
            return ops.forward(ps, List.of(block), x, training);
        }
        if (Conversion.isSequence(block)) {
            List<Block> run = new ArrayList<>();
            NDArray y = x;
            for (Pair<String, Block> child : block.getChildren()) {
                if (FusedScript.fusable(child.getValue())) {
                    run.add(child.getValue());
                } else {
                    y = eval(child.getValue(), flush(run, y, ps, training, params), ps, training, params);
                }
            }
            return flush(run, y, ps, training, params);
        }
        if (block instanceof ResidualConnection r) {
            NDArray branch = eval(r.branch(), x, ps, training, params);
            NDArray skip = r.shortcut().isPresent() ? eval(r.shortcut().get(), x, ps, training, params) : x;
            return branch.add(skip);
        }
        return block.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }

    /**
     * The output of the pending stretch of layers on {@code x}, which empties it: one module when the
     * stretch holds a convolution or Linear layer, else the layers themselves in fp32 (bf16 would
     * only add two casts); {@code x} when it is empty.
     */
    private NDArray flush(List<Block> run, NDArray x, ParameterStore ps, boolean training, PairList<String, Object> params) {
        NDArray y = x;
        if (run.stream().anyMatch(Conversion::convertsAny)) {
            y = ops.forward(ps, run, x, training);
        } else {
            for (Block block : run) {
                y = block.forward(ps, new NDList(y), training, params).singletonOrThrow();
            }
        }
        run.clear();
        return y;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return network.getOutputShapes(inputShapes);
    }
}
