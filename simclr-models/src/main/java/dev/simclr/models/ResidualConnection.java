package dev.simclr.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * The residual sum of a ResNet block: {@code branch(x) + shortcut(x)}, where an absent shortcut is
 * the identity (He et al. 2016, arXiv:1512.03385, eq. 1 and 2). The ReLU after the sum is not part
 * of this block: it follows it as a standard activation block, so the only arithmetic here is the
 * addition.
 *
 * <p>This is the only custom block in the encoders. Its children are named {@code branch} and,
 * when present, {@code shortcut}, so code that walks a block tree (to re-run the forward pass on
 * another engine) can evaluate it from its children alone.
 */
public final class ResidualConnection extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block branch;
    private final Block shortcut;

    /**
     * @param branch the residual branch (convolutions, batch norms, activations)
     * @param shortcut the projection shortcut (1x1 convolution + batch norm) when the shape changes,
     *     or null for the identity
     */
    public ResidualConnection(Block branch, Block shortcut) {
        super(VERSION);
        this.branch = addChildBlock("branch", branch);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    }

    public Block branch() {
        return branch;
    }

    /** The projection shortcut, or empty for the identity. */
    public Optional<Block> shortcut() {
        return Optional.ofNullable(shortcut);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray residual = branch.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray skip = shortcut == null
                ? inputs.singletonOrThrow()
                : shortcut.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(residual.add(skip));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        branch.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = branch.getOutputShapes(inputShapes);
        Shape skip = shortcut == null ? inputShapes[0] : shortcut.getOutputShapes(inputShapes)[0];
        if (!out[0].equals(skip)) {
            throw new IllegalStateException("residual branch gives " + out[0] + " but the shortcut gives " + skip
                    + ": a block that changes shape needs a projection shortcut");
        }
        return out;
    }
}
