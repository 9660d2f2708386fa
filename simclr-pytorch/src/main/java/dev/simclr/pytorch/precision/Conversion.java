package dev.simclr.pytorch.precision;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.simclr.models.ResidualConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a block tree {@link MixedPrecisionNetwork} can run in the lower precision: the
 * blocks whose forward pass is known from their type alone (sequences, residual connections,
 * {@code Conv2d}, {@code Linear}, and the other layers {@link FusedScript} writes) and, inside them,
 * any layer it leaves to itself in fp32. A block of another type that holds convolutions or Linear
 * layers (a plugin's custom block) cannot be seen into, so it runs as its own code does, in fp32.
 */
final class Conversion {

    /** Recognised by name so that this module does not depend on the training module. */
    private static final String SIMCLR_NETWORK = "dev.simclr.train.pretrain.SimClrNetwork";

    private Conversion() {}

    /** Whether the block's forward pass is its children's, one after the other. */
    static boolean isSequence(Block block) {
        return block.getClass() == SequentialBlock.class || block.getClass().getName().equals(SIMCLR_NETWORK);
    }

    /** Whether the block computes in the lower precision itself. */
    static boolean isConverted(Block block) {
        return block.getClass() == ai.djl.nn.convolutional.Conv2d.class || block.getClass() == Linear.class;
    }

    /**
     * Paths (child names from the root) of the blocks that hold convolutions or Linear layers but
     * run in fp32 because their forward pass is not known from their type.
     */
    static List<String> fp32Blocks(Block root) {
        List<String> out = new ArrayList<>();
        collect(root, root.getClass().getSimpleName(), out);
        return out;
    }

    /** Whether any layer of the tree computes in the lower precision. */
    static boolean convertsAny(Block block) {
        if (isConverted(block)) {
            return true;
        }
        if (!isSequence(block) && !(block instanceof ResidualConnection)) {
            return false;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            if (convertsAny(child.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Block block, String path, List<String> out) {
        if (isConverted(block)) {
            return;
        }
        if (isSequence(block) || block instanceof ResidualConnection) {
            for (Pair<String, Block> child : block.getChildren()) {
                collect(child.getValue(), path + "/" + child.getKey(), out);
            }
        } else if (holdsMatrixLayers(block)) {
            out.add(path + " (" + block.getClass().getName() + ")");
        }
    }

    private static boolean holdsMatrixLayers(Block block) {
        if (block instanceof Convolution || block instanceof Linear) {
            return true;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            if (holdsMatrixLayers(child.getValue())) {
                return true;
            }
        }
        return false;
    }
}
