package dev.simclr.tensorflow;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import dev.simclr.models.ResidualConnection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.Conv2d.Options;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * The training forward pass of a DJL block tree as TensorFlow graph operators over the graph's
 * variables, with the semantics of the block's own forward pass on PyTorch: batch norm normalises
 * with the statistics of the pass's batch and moves its running statistics as torch does
 * ({@code running = m * running + (1 - m) * batch} in DJL's momentum {@code m}, the batch variance
 * unbiased). Image activations are channels-last inside the graph (TensorFlow's CPU kernels take no
 * other order); every operator used has a gradient in TensorFlow's C++ gradient registry, which is
 * why convolutions pad explicitly and then convolve VALID (Conv2D's gradient ignores explicit
 * paddings) and batch norm states epsilon, data format and training mode.
 */
final class GraphForward {

    private final Ops tf;
    private final NDManager probe;
    private final Map<Parameter, GraphVariable> variables;
    private final Map<GraphVariable, Operand<TFloat32>> running = new LinkedHashMap<>();

    /**
     * @param variables the graph variable of every parameter of the network, by identity
     * @param probe answers the lambda probe (nothing is created in it)
     */
    GraphForward(Ops tf, Map<Parameter, GraphVariable> variables, NDManager probe) {
        this.tf = tf;
        this.variables = new IdentityHashMap<>(variables);
        this.probe = probe;
    }

    /**
     * One pass of {@code network} over {@code [n, C, H, W]} images (or {@code [n, F]} rows); passes
     * built one after another see the running statistics the earlier ones left.
     *
     * @return the {@code [n, D]} output
     */
    Operand<TFloat32> forward(Block network, Operand<TFloat32> input) {
        Operand<TFloat32> x = input.shape().numDimensions() == 4 ? tf.linalg.transpose(input, tf.constant(new int[] {0, 2, 3, 1})) : input;
        String path = network.getClass().getSimpleName();
        Operand<TFloat32> y = eval(network, x, path);
        if (y.shape().numDimensions() != 2) {
            throw TrainableBlock.unsupported(network, path, "its output has shape " + y.shape() + ", not [n, D]");
        }
        return y;
    }

    /** The running statistics after the passes built so far, for the variables they update. */
    Map<GraphVariable, Operand<TFloat32>> runningStatistics() {
        return running;
    }

    private Operand<TFloat32> eval(Block block, Operand<TFloat32> x, String path) {
        TrainableBlock b = TrainableBlock.of(block, path, probe);
        return switch (b.kind()) {
            case SEQUENCE -> sequence(block, x, path);
            case RESIDUAL -> residual((ResidualConnection) block, x, path);
            case CONV2D -> conv2d((Conv2d) block, image(block, x, path), path);
            case BATCH_NORM -> batchNorm((BatchNorm) block, x, path);
            case LINEAR -> linear((Linear) block, x, path);
            case RELU -> tf.nn.relu(x);
            // torchvision's AdaptiveAvgPool2d((1, 1)) + flatten; DJL's global pool also gives [N, C]
            case GLOBAL_AVG_POOL -> tf.math.mean(image(block, x, path), tf.constant(new int[] {1, 2}));
            case MAX_POOL -> maxPool(b, image(block, x, path));
        };
    }

    private Operand<TFloat32> sequence(Block block, Operand<TFloat32> x, String path) {
        Operand<TFloat32> y = x;
        for (Pair<String, Block> child : block.getChildren()) {
            y = eval(child.getValue(), y, path + "/" + child.getKey());
        }
        return y;
    }

    private Operand<TFloat32> residual(ResidualConnection r, Operand<TFloat32> x, String path) {
        Operand<TFloat32> branch = eval(r.branch(), x, path + "/branch");
        Operand<TFloat32> skip = r.shortcut().isPresent() ? eval(r.shortcut().get(), x, path + "/shortcut") : x;
        return tf.math.add(branch, skip);
    }

    /** {@code torch.nn.functional.conv2d}: zero padding per side, then a cross-correlation. */
    private Operand<TFloat32> conv2d(Conv2d conv, Operand<TFloat32> x, String path) {
        long[] stride = conv.getStride().getShape();
        long[] dilation = conv.getDilation().getShape();
        Operand<TFloat32> in = pad(x, conv.getPadding().getShape(), 0f);
        // DJL stores [out, in, KH, KW]; TensorFlow wants [KH, KW, in, out]
        Operand<TFloat32> filter = tf.linalg.transpose(variable(conv, "weight", path), tf.constant(new int[] {2, 3, 1, 0}));
        Operand<TFloat32> y = tf.nn.conv2d(in, filter, List.of(1L, stride[0], stride[1], 1L), "VALID",
                new Options[] {org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, dilation[0], dilation[1], 1L)),
                    org.tensorflow.op.nn.Conv2d.dataFormat("NHWC")});
        return conv.isIncludeBias() ? tf.nn.biasAdd(y, variable(conv, "bias", path)) : y;
    }

    /** Training batch norm over the channel axis (last inside the graph) of a 4-d or 2-d input. */
    private Operand<TFloat32> batchNorm(BatchNorm bn, Operand<TFloat32> x, String path) {
        BatchNormFields f = BatchNormFields.of(bn);
        int dims = x.shape().numDimensions();
        if (dims != 2 && dims != 4) {
            throw TrainableBlock.unsupported(bn, path, "batch norm of a " + dims + "-d input (only 2-d or 4-d)");
        }
        long channels = x.shape().get(dims - 1);
        Operand<TFloat32> in = dims == 4 ? x : tf.reshape(x, tf.constant(new long[] {-1, 1, 1, channels}));
        Operand<TFloat32> none = tf.constant(new float[0]);
        FusedBatchNorm<TFloat32, TFloat32> y = tf.nn.fusedBatchNorm(in, variable(bn, "gamma", path), variable(bn, "beta", path), none, none,
                FusedBatchNorm.epsilon(f.epsilon()), FusedBatchNorm.dataFormat("NHWC"), FusedBatchNorm.isTraining(true));
        move(variables.get(bn.getDirectParameters().get("runningMean")), y.batchMean(), f.momentum());
        move(variables.get(bn.getDirectParameters().get("runningVar")), y.batchVariance(), f.momentum());
        return dims == 4 ? y.y() : tf.reshape(y.y(), tf.constant(new long[] {-1, channels}));
    }

    private void move(GraphVariable statistic, Operand<TFloat32> batch, float momentum) {
        Operand<TFloat32> old = running.getOrDefault(statistic, statistic.variable());
        running.put(statistic, tf.math.add(tf.math.mul(old, tf.constant(momentum)), tf.math.mul(batch, tf.constant(1 - momentum))));
    }

    /** DJL's Linear over the rows of a 2-d input: {@code x W^T + b}. */
    private Operand<TFloat32> linear(Linear linear, Operand<TFloat32> x, String path) {
        if (x.shape().numDimensions() != 2) {
            throw TrainableBlock.unsupported(linear, path, "a Linear layer on a " + x.shape().numDimensions() + "-d input (only [n, F])");
        }
        Operand<TFloat32> y = tf.linalg.matMul(x, variable(linear, "weight", path), MatMul.transposeB(true));
        return linear.getDirectParameters().get("bias") != null ? tf.nn.biasAdd(y, variable(linear, "bias", path)) : y;
    }

    /**
     * {@code torch.nn.functional.max_pool2d}: its implicit padding never wins, so the padding here
     * holds the lowest float, then a VALID pool.
     */
    private Operand<TFloat32> maxPool(TrainableBlock b, Operand<TFloat32> x) {
        long[] kernel = b.shapeArgument(0);
        long[] stride = b.shapeArgument(1);
        Operand<TFloat32> in = pad(x, b.shapeArgument(2), -Float.MAX_VALUE);
        return tf.nn.maxPool(in, tf.constant(new int[] {1, (int) kernel[0], (int) kernel[1], 1}),
                tf.constant(new int[] {1, (int) stride[0], (int) stride[1], 1}), "VALID");
    }

    private Operand<TFloat32> pad(Operand<TFloat32> x, long[] padding, float value) {
        if (padding[0] == 0 && padding[1] == 0) {
            return x;
        }
        int h = (int) padding[0];
        int w = (int) padding[1];
        return tf.pad(x, tf.constant(new int[][] {{0, 0}, {h, h}, {w, w}, {0, 0}}), tf.constant(value));
    }

    /** Refuses a layer that needs an image input on anything else; returns the input. */
    private static Operand<TFloat32> image(Block block, Operand<TFloat32> x, String path) {
        if (x.shape().numDimensions() != 4) {
            throw TrainableBlock.unsupported(block, path, "it needs a 4-d image input, got shape " + x.shape());
        }
        return x;
    }

    private GraphVariable graphVariable(Block block, String name, String path) {
        Parameter p = block.getDirectParameters().get(name);
        GraphVariable v = p == null ? null : variables.get(p);
        if (v == null) {
            throw new IllegalStateException(path + ": parameter '" + name + "' is not in the network's parameters");
        }
        return v;
    }

    private Operand<TFloat32> variable(Block block, String name, String path) {
        return graphVariable(block, name, path).variable();
    }
}
