package dev.simclr.tensorflow;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import dev.simclr.models.ResidualConnection;
import java.util.Optional;

/**
 * What a block of the DJL tree is to the TensorFlow training graph: one of the layers it can
 * translate into graph operators with gradients, or a container whose children it walks. Any
 * other block is refused with its path in the tree, before a graph is built.
 *
 * @param kind the translation that applies
 * @param call for a lambda block, the one operator it applies (with its arguments)
 */
record TrainableBlock(Kind kind, LambdaProbe.Call call) {

    /** The blocks the training graph knows, for error messages and the documentation. */
    static final String SUPPORTED = "SequentialBlock, ResidualConnection, SimClrNetwork, Conv2d (groups 1), "
            + "BatchNorm (axis 1), Linear, and lambda blocks that apply relu, globalAvgPool or maxPool (without ceil mode)";

    /** Recognised by name so that this module does not depend on the training module. */
    private static final String SIMCLR_NETWORK = "dev.simclr.train.pretrain.SimClrNetwork";

    /** The translations of the training graph. */
    enum Kind { SEQUENCE, RESIDUAL, CONV2D, BATCH_NORM, LINEAR, RELU, GLOBAL_AVG_POOL, MAX_POOL }

    /**
     * @param manager answers the lambda probe's stand-in (nothing is created in it)
     * @throws UnsupportedOperationException naming the block's path and type when it is not translatable
     */
    static TrainableBlock of(Block block, String path, NDManager manager) {
        if (block instanceof ResidualConnection) {
            return new TrainableBlock(Kind.RESIDUAL, null);
        }
        if (block instanceof SequentialBlock || block.getClass().getName().equals(SIMCLR_NETWORK)) {
            return new TrainableBlock(Kind.SEQUENCE, null);
        }
        if (block instanceof Conv2d conv) {
            if (conv.getGroups() != 1) {
                throw unsupported(block, path, "grouped convolution (groups " + conv.getGroups() + ")");
            }
            return new TrainableBlock(Kind.CONV2D, null);
        }
        if (block instanceof BatchNorm bn) {
            if (BatchNormFields.of(bn).axis() != 1) {
                throw unsupported(block, path, "batch norm over axis " + BatchNormFields.of(bn).axis() + " (only axis 1)");
            }
            return new TrainableBlock(Kind.BATCH_NORM, null);
        }
        if (block instanceof Linear) {
            return new TrainableBlock(Kind.LINEAR, null);
        }
        if (block instanceof LambdaBlock lambda) {
            return lambda(lambda, path, manager);
        }
        throw unsupported(block, path, "its type is not one the training graph knows");
    }

    /** Refuses, naming its path, the first block of {@code network} the training graph cannot translate. */
    static void check(Block network, NDManager manager) {
        check(network, network.getClass().getSimpleName(), manager);
    }

    private static void check(Block block, String path, NDManager manager) {
        Kind kind = of(block, path, manager).kind();
        if (kind == Kind.SEQUENCE || kind == Kind.RESIDUAL) {
            for (Pair<String, Block> child : block.getChildren()) {
                check(child.getValue(), path + "/" + child.getKey(), manager);
            }
        }
    }

    private static TrainableBlock lambda(LambdaBlock block, String path, NDManager manager) {
        // the probe records the operator a lambda applies; the shape only has to look like an image
        Optional<LambdaProbe.Call> call = LambdaProbe.identify(block, new Shape(1, 1, 1, 1), manager);
        String operator = call.map(LambdaProbe.Call::operator).orElse("");
        switch (operator) {
            case "relu" -> {
                return new TrainableBlock(Kind.RELU, call.get());
            }
            case "globalAvgPool" -> {
                return new TrainableBlock(Kind.GLOBAL_AVG_POOL, call.get());
            }
            case "maxPool" -> {
                if ((Boolean) call.get().arguments().get(3)) {
                    throw unsupported(block, path, "max pooling with ceil mode");
                }
                return new TrainableBlock(Kind.MAX_POOL, call.get());
            }
            default -> throw unsupported(block, path, call.isPresent()
                    ? "lambda block '" + block.getName() + "' applies " + operator + ", which the training graph does not translate"
                    : "lambda block '" + block.getName() + "' does more than one operator on its input");
        }
    }

    /** Argument {@code i} of the lambda's operator as a shape, e.g. the kernel of a max pool. */
    long[] shapeArgument(int i) {
        return ((Shape) call.arguments().get(i)).getShape();
    }

    static UnsupportedOperationException unsupported(Block block, String path, String why) {
        return new UnsupportedOperationException("the tensorflow backend cannot train block " + path + " ("
                + block.getClass().getName() + "): " + why + ". It trains " + SUPPORTED
                + ". Pre-train this model with backend: pytorch instead.");
    }
}
