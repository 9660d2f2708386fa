package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.models.ResidualConnection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Carries out a trained block's inference forward pass with TensorFlow's own operators. DJL's
 * TensorFlow engine has no convolution, batch norm or pooling behind its NDArray interface, so the
 * block tree is walked here and each layer is computed with TensorFlow raw operators from the
 * layer's parameters (the same arrays a {@code loadParameters} call filled). Image activations stay
 * channels-last between layers (TensorFlow's CPU kernels accept no other order) and are returned in
 * DJL's channels-first order.
 *
 * <p>Batch norm uses the running statistics, as every evaluation in this project does.
 */
final class BlockInterpreter {

    /** What the interpreter runs, for error messages and the documentation. */
    static final String SUPPORTED = "SequentialBlock, ResidualConnection, SimClrNetwork, Conv2d (groups 1), "
            + "BatchNorm (axis 1), Linear, and lambda blocks; a lambda block that applies relu, globalAvgPool or "
            + "maxPool (without ceil mode) runs on TensorFlow's kernels, any other lambda block runs on the engine's "
            + "NDArray operators";

    /** Recognised by name so that this module does not depend on the training module. */
    private static final String SIMCLR_NETWORK = "dev.simclr.train.pretrain.SimClrNetwork";

    private final Map<LambdaBlock, Optional<LambdaProbe.Call>> lambdas = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param block a trained block whose parameters live on the TensorFlow engine
     * @param inputs one array on the TensorFlow engine, in DJL's axis order; its manager receives
     *     every array the pass creates
     * @throws UnsupportedOperationException naming the block (by its path in the tree) that cannot run here
     */
    NDList run(Block block, NDList inputs) {
        if (inputs.size() != 1) {
            throw new UnsupportedOperationException("the tensorflow backend runs blocks with one input; got " + inputs.size());
        }
        NDArray x = inputs.head();
        NDManager pass = x.getManager();
        if (!TensorFlowBackendProvider.ENGINE.equals(pass.getEngine().getEngineName())) {
            throw new IllegalArgumentException("the tensorflow backend got an input of the " + pass.getEngine().getEngineName()
                    + " engine; create inputs with a manager of this backend (Backend.newManager())");
        }
        FeatureMap out = eval(block, FeatureMap.channelsFirst(x), pass, block.getClass().getSimpleName());
        return new NDList(out.toChannelsFirst(pass).array());
    }

    private FeatureMap eval(Block block, FeatureMap x, NDManager pass, String path) {
        if (block instanceof ResidualConnection r) {
            FeatureMap branch = eval(r.branch(), x, pass, path + "/branch");
            FeatureMap skip = r.shortcut().isPresent() ? eval(r.shortcut().get(), x, pass, path + "/shortcut") : x;
            if (branch.isImage() && skip.layout() != branch.layout()) {
                skip = branch.layout() == Layout.CHANNELS_LAST ? skip.toChannelsLast(pass) : skip.toChannelsFirst(pass);
            }
            return new FeatureMap(TfOps.add(pass, branch.array(), skip.array()), branch.layout());
        }
        if (block instanceof SequentialBlock || block.getClass().getName().equals(SIMCLR_NETWORK)) {
            FeatureMap y = x;
            for (Pair<String, Block> child : block.getChildren()) {
                y = eval(child.getValue(), y, pass, path + "/" + child.getKey());
            }
            return y;
        }
        if (block instanceof Conv2d conv) {
            return conv2d(conv, x, pass, path);
        }
        if (block instanceof BatchNorm bn) {
            return batchNorm(bn, x, pass, path);
        }
        if (block instanceof Linear linear) {
            return linear(linear, x, pass, path);
        }
        if (block instanceof LambdaBlock lambda) {
            return lambda(lambda, x, pass, path);
        }
        throw unsupported(block, path, "its type is not one the interpreter knows");
    }

    /** {@code torch.nn.functional.conv2d} semantics: zero padding per side, cross-correlation. */
    private static FeatureMap conv2d(Conv2d conv, FeatureMap x, NDManager pass, String path) {
        if (conv.getGroups() != 1) {
            throw unsupported(conv, path, "grouped convolution (groups " + conv.getGroups() + ")");
        }
        FeatureMap in = x.toChannelsLast(pass);
        // DJL stores [out, in, KH, KW]; TensorFlow wants [KH, KW, in, out]
        NDArray filter = TfOps.transpose(pass, parameter(conv, "weight", path), 2, 3, 1, 0);
        NDArray y = TfOps.conv2d(pass, in.array(), filter, conv.getStride().getShape(), conv.getDilation().getShape(),
                conv.getPadding().getShape());
        if (conv.isIncludeBias()) {
            y = TfOps.add(pass, y, parameter(conv, "bias", path));
        }
        return new FeatureMap(y, Layout.CHANNELS_LAST);
    }

    /**
     * Inference batch norm, {@code gamma (x - mean) / sqrt(var + eps) + beta}, folded into one scale
     * and one shift per channel; the channel axis is last in both layouts this handles.
     */
    private static FeatureMap batchNorm(BatchNorm bn, FeatureMap x, NDManager pass, String path) {
        BatchNormFields fields = BatchNormFields.of(bn);
        int axis = fields.axis();
        float epsilon = fields.epsilon();
        int dims = x.array().getShape().dimension();
        if (axis != 1 || (dims != 2 && dims != 4)) {
            throw unsupported(bn, path, "batch norm over axis " + axis + " of a " + dims + "-d input (only axis 1 of 2-d or 4-d inputs)");
        }
        FeatureMap in = dims == 4 ? x.toChannelsLast(pass) : x;
        NDArray variance = TfOps.add(pass, parameter(bn, "runningVar", path), pass.create(epsilon));
        NDArray scale = TfOps.mul(pass, parameter(bn, "gamma", path), TfOps.rsqrt(pass, variance));
        NDArray shift = TfOps.sub(pass, parameter(bn, "beta", path), TfOps.mul(pass, parameter(bn, "runningMean", path), scale));
        return new FeatureMap(TfOps.add(pass, TfOps.mul(pass, in.array(), scale), shift), in.layout());
    }

    /** DJL's Linear: {@code x W^T + b} over the last axis of a channels-first input. */
    private static FeatureMap linear(Linear linear, FeatureMap x, NDManager pass, String path) {
        NDArray in = x.toChannelsFirst(pass).array();
        NDArray weight = parameter(linear, "weight", path);
        Shape shape = in.getShape();
        NDArray flat = shape.dimension() == 2 ? in : in.reshape(-1, shape.get(shape.dimension() - 1));
        NDArray y = TfOps.matMulTransposed(pass, flat, weight);
        Parameter bias = linear.getDirectParameters().get("bias");
        if (bias != null) {
            y = TfOps.add(pass, y, parameter(linear, "bias", path));
        }
        if (shape.dimension() != 2) {
            y = y.reshape(shape.slice(0, shape.dimension() - 1).add(weight.getShape().get(0)));
        }
        return FeatureMap.channelsFirst(y);
    }

    private FeatureMap lambda(LambdaBlock block, FeatureMap x, NDManager pass, String path) {
        Optional<LambdaProbe.Call> call = lambdas.computeIfAbsent(block, b -> LambdaProbe.identify(b, x.djlShape(), pass));
        if (call.isPresent()) {
            LambdaProbe.Call c = call.get();
            switch (c.operator()) {
                case "relu" -> {
                    return new FeatureMap(TfOps.relu(pass, x.array()), x.layout());
                }
                case "globalAvgPool" -> {
                    if (x.isImage()) {
                        // torchvision's AdaptiveAvgPool2d((1, 1)) + flatten; DJL's global pool also gives [N, C]
                        int[] spatial = x.layout() == Layout.CHANNELS_LAST ? new int[] {1, 2} : new int[] {2, 3};
                        return FeatureMap.channelsFirst(TfOps.mean(pass, x.array(), spatial));
                    }
                }
                case "maxPool" -> {
                    boolean ceilMode = (Boolean) c.arguments().get(3);
                    if (x.isImage() && !ceilMode) {
                        FeatureMap in = x.toChannelsLast(pass);
                        NDArray y = TfOps.maxPool(pass, in.array(), shape(c, 0), shape(c, 1), shape(c, 2));
                        return new FeatureMap(y, Layout.CHANNELS_LAST);
                    }
                    throw unsupported(block, path, "max pooling with ceil mode or of a non-image input");
                }
                default -> {
                    // any other single operator: the engine's NDArray interface may have it
                }
            }
        }
        NDArray in = x.toChannelsFirst(pass).array();
        try {
            NDList out = block.forward(new ParameterStore(pass, false), new NDList(in), false);
            return FeatureMap.channelsFirst(out.singletonOrThrow());
        } catch (UnsupportedOperationException e) {
            throw unsupported(block, path, "lambda block '" + block.getName() + "' calls an operator that DJL's TensorFlow engine lacks ("
                    + e.getMessage() + ")");
        }
    }

    private static long[] shape(LambdaProbe.Call c, int argument) {
        return ((Shape) c.arguments().get(argument)).getShape();
    }

    private static NDArray parameter(Block block, String name, String path) {
        Parameter p = block.getDirectParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException(path + ": parameter '" + name + "' is not initialised; load the trained parameters first");
        }
        return p.getArray();
    }

    private static UnsupportedOperationException unsupported(Block block, String path, String why) {
        return new UnsupportedOperationException("the tensorflow backend cannot run block " + path + " ("
                + block.getClass().getName() + "): " + why + ". It runs " + SUPPORTED
                + ". Evaluate this encoder with backend: pytorch instead.");
    }
}
