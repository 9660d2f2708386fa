package dev.simclr.train.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.simclr.api.Encoder;
import dev.simclr.api.ProjectionHead;

/**
 * The pre-training network of the paper (Fig. 2): encoder f, then projection head g. Its forward
 * pass gives projections z = g(f(x)); evaluation uses f alone.
 */
public final class SimClrNetwork extends AbstractBlock {

    private final Block encoder;
    private final Block head;
    private final int featureSize;
    private final int projectionSize;

    public SimClrNetwork(Encoder encoder, ProjectionHead head) {
        super((byte) 1);
        this.encoder = addChildBlock("encoder", encoder.block());
        this.head = addChildBlock("head", head.block());
        this.featureSize = encoder.featureSize();
        this.projectionSize = head.outputSize();
    }

    public Block encoder() {
        return encoder;
    }

    public Block head() {
        return head;
    }

    public int featureSize() {
        return featureSize;
    }

    public int projectionSize() {
        return projectionSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = encoder.forward(ps, inputs, training, params);
        return head.forward(ps, features, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(encoder.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, encoder.getOutputShapes(inputShapes));
    }
}
