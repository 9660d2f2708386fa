package dev.simclr.pytorch.precision;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.simclr.models.ResidualConnection;

/**
 * The training forward pass of a network with its convolutions and Linear layers computed by
 * {@link ScriptedOps} (in bfloat16, from the network's own fp32 parameters) and every other layer
 * (batch norm, activations, pooling) by the layer itself in fp32. It walks the network's block tree,
 * so it owns no parameters: gradients land in the network's parameters, and checkpoints, exports and
 * evaluation see the same network as in fp32.
 *
 * <p>A block it cannot see into (see {@link Conversion}) runs as the block itself does, in fp32.
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
        if (block instanceof ResidualConnection r) {
            NDArray branch = eval(r.branch(), x, ps, training, params);
            NDArray skip = r.shortcut().isPresent() ? eval(r.shortcut().get(), x, ps, training, params) : x;
            return branch.add(skip);
        }
        if (Conversion.isSequence(block)) {
            NDArray y = x;
            for (Pair<String, Block> child : block.getChildren()) {
                y = eval(child.getValue(), y, ps, training, params);
            }
            return y;
        }
        if (block.getClass() == Conv2d.class) {
            Conv2d conv = (Conv2d) block;
            return ops.conv2d(ps, conv, x, value(ps, conv, "weight", x, training), value(ps, conv, "bias", x, training));
        }
        if (block.getClass() == Linear.class) {
            return ops.linear(ps, x, value(ps, block, "weight", x, training), value(ps, block, "bias", x, training));
        }
        return block.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }

    /** The layer's parameter {@code name} on the input's device, or null when the layer has none. */
    private static NDArray value(ParameterStore ps, Block layer, String name, NDArray x, boolean training) {
        if (!layer.getDirectParameters().contains(name)) {
            return null;
        }
        Parameter p = layer.getDirectParameters().get(name);
        Device device = x.getDevice();
        return ps.getValue(p, device, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return network.getOutputShapes(inputShapes);
    }
}
