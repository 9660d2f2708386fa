package dev.simclr.models;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import dev.simclr.api.ProjectionHead;

/**
 * The SimCLR projection head g(.): a small MLP from encoder features to the space where the
 * contrastive loss is computed (Chen et al. 2020, section 2.1 and 4.2).
 *
 * <p>Without batch norm every layer is a Linear with bias and hidden layers are followed by ReLU;
 * two layers give the reference tutorial's {@code Linear-ReLU-Linear} head. With batch norm the
 * layout follows SimCLR v2's {@code tf2/model.py} {@code ProjectionHead}: each Linear drops its bias
 * and is followed by batch norm; hidden layers have a learned shift and ReLU, the output layer's
 * batch norm has a scale but no shift.
 */
public final class MlpHead {

    private MlpHead() {}

    /**
     * @param inputSize encoder feature size (the first Linear's fan-in)
     * @param layers number of Linear layers, at least 1
     * @param hidden width of the hidden layers
     * @param out size of the projection
     * @param batchNorm whether to use batch norm after each Linear (SimCLR v2)
     */
    public static ProjectionHead create(int inputSize, int layers, int hidden, int out, boolean batchNorm) {
        if (layers < 1) {
            throw new IllegalArgumentException("projection head needs at least 1 layer, got " + layers);
        }
        SequentialBlock net = new SequentialBlock();
        long fanIn = inputSize;
        for (int i = 0; i < layers; i++) {
            boolean last = i == layers - 1;
            int units = last ? out : hidden;
            net.add(TorchLayers.linear(units, fanIn, !batchNorm));
            if (batchNorm) {
                net.add(TorchLayers.batchNorm(false, !last));
            }
            if (!last) {
                net.add(Activation.reluBlock());
            }
            fanIn = units;
        }
        return new ProjectionHead(net, out);
    }
}
