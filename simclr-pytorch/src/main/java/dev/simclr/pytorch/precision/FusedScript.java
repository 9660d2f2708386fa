package dev.simclr.pytorch.precision;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import dev.simclr.models.ResidualConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run of layers written as the body of one TorchScript module, so that their activations stay in
 * the compute type between layers and never reach DJL (which has no bfloat16 arrays): the module
 * takes the fp32 input, casts it once, computes convolutions, matrix products, batch norms, ReLUs,
 * residual sums and global average pooling in the compute type, and returns fp32. Image activations
 * are made channels-last (NHWC) at each convolution's input, a no-op after the first, since every op
 * here keeps the layout: oneDNN's bf16 convolutions work in it without reordering.
 *
 * <p>Batch norm is {@code torch.batch_norm} on the low-precision activation with the layer's fp32
 * weight, bias and running statistics, the mixed-type form PyTorch's autocast also runs (statistics
 * accumulated in fp32, running mean and variance updated in place in the arrays DJL's layer holds).
 *
 * <p>The module's parameters are its inputs after {@code x}, in {@link Script#parameters()} order,
 * so gradients land in the network's own fp32 parameters.
 */
final class FusedScript {

    /** {@code c10::ScalarType::Float}. */
    private static final int FLOAT32 = 6;

    /** The name DJL's {@code Activation.reluBlock()} gives its lambda block. */
    private static final String RELU = "ReLU";

    /** The name DJL's {@code Pool.globalAvgPool2dBlock()} gives its lambda block: mean over axes 2 and 3. */
    private static final String GLOBAL_AVG_POOL_2D = "globalAvgPool2d";

    /**
     * @param arguments the forward's arguments after {@code self}
     * @param body the forward's statements
     * @param parameters the layers' parameters, passed after the input in this order
     */
    record Script(String arguments, String body, List<Parameter> parameters) {}

    private final boolean training;
    private final int computeType;
    private final StringBuilder body = new StringBuilder();
    private final List<Parameter> parameters = new ArrayList<>();
    private int values;

    private FusedScript(boolean training, int computeType) {
        this.training = training;
        this.computeType = computeType;
    }

    /**
     * @param run the layers, applied one after the other; each {@link #fusable}
     * @param training whether batch norm normalises by batch statistics (and updates the running ones)
     *     or by the running statistics
     * @param computeType the {@code c10::ScalarType} number to compute in (15: bfloat16)
     */
    static Script of(List<Block> run, boolean training, int computeType) {
        FusedScript s = new FusedScript(training, computeType);
        String v = s.assign("torch.to(x, " + computeType + ")");
        for (Block block : run) {
            v = s.emit(block, v);
        }
        s.body.append("return torch.to(").append(v).append(", ").append(FLOAT32).append(')');
        StringBuilder arguments = new StringBuilder("x: Tensor");
        for (int i = 0; i < s.parameters.size(); i++) {
            arguments.append(", p").append(i).append(": Tensor");
        }
        return new Script(arguments.toString(), s.body.toString(), List.copyOf(s.parameters));
    }

    /** Whether the block, and everything in it, has a forward pass this script can write. */
    static boolean fusable(Block block) {
        if (block instanceof ResidualConnection r) {
            return fusable(r.branch()) && r.shortcut().map(FusedScript::fusable).orElse(true);
        }
        if (Conversion.isSequence(block)) {
            return !block.getChildren().isEmpty() && block.getChildren().stream().allMatch(c -> fusable(c.getValue()));
        }
        if (block.getClass() == BatchNorm.class) {
            return BatchNormSettings.of((BatchNorm) block).map(s -> s.axis() == 1).orElse(false);
        }
        return block.getClass() == Conv2d.class || block.getClass() == Linear.class
                || isLambda(block, RELU) || isLambda(block, GLOBAL_AVG_POOL_2D);
    }

    private String emit(Block block, String in) {
        if (block instanceof ResidualConnection r) {
            String branch = emit(r.branch(), in);
            String skip = r.shortcut().isPresent() ? emit(r.shortcut().get(), in) : in;
            return assign("torch.add(" + branch + ", " + skip + ")");
        }
        if (Conversion.isSequence(block)) {
            String v = in;
            for (Pair<String, Block> child : block.getChildren()) {
                v = emit(child.getValue(), v);
            }
            return v;
        }
        if (block.getClass() == Conv2d.class) {
            return conv2d((Conv2d) block, in);
        }
        if (block.getClass() == Linear.class) {
            String bias = parameter(block, "bias");
            return assign("torch.linear(" + in + ", " + cast(parameter(block, "weight")) + ", "
                    + (bias == null ? "None" : cast(bias)) + ")");
        }
        if (block.getClass() == BatchNorm.class) {
            return batchNorm((BatchNorm) block, in);
        }
        if (isLambda(block, RELU)) {
            return assign("torch.relu(" + in + ")");
        }
        if (isLambda(block, GLOBAL_AVG_POOL_2D)) {
            return assign("torch.mean(" + in + ", [2, 3])");
        }
        throw new IllegalArgumentException("mixed precision cannot write " + block.getClass().getName() + " as a script");
    }

    private String conv2d(Conv2d conv, String in) {
        String weight = channelsLast(cast(parameter(conv, "weight")));
        String bias = parameter(conv, "bias");
        return assign(String.format(Locale.ROOT, "torch.conv2d(%s, %s, %s, %s, %s, %s, %d)", channelsLast(in), weight,
                bias == null ? "None" : cast(bias), pair(conv.getStride().get(0), conv.getStride().get(1)),
                pair(conv.getPadding().get(0), conv.getPadding().get(1)),
                pair(conv.getDilation().get(0), conv.getDilation().get(1)), conv.getGroups()));
    }

    /** The same op, with the same momentum and epsilon, that DJL's PyTorch engine runs for the layer in fp32. */
    private String batchNorm(BatchNorm bn, String in) {
        BatchNormSettings settings = BatchNormSettings.of(bn).orElseThrow();
        return assign(String.format(Locale.ROOT, "torch.batch_norm(%s, %s, %s, %s, %s, %s, %s, %s, True)", in,
                parameter(bn, "gamma"), parameter(bn, "beta"), parameter(bn, "runningMean"), parameter(bn, "runningVar"),
                training ? "True" : "False", literal(settings.torchMomentum()), literal(settings.epsilon())));
    }

    /** The script's name for the layer's parameter {@code name}, or null when the layer has none. */
    private String parameter(Block layer, String name) {
        if (!layer.getDirectParameters().contains(name)) {
            return null;
        }
        parameters.add(layer.getDirectParameters().get(name));
        return "p" + (parameters.size() - 1);
    }

    private String assign(String expression) {
        String name = "v" + values++;
        body.append(name).append(" = ").append(expression).append('\n');
        return name;
    }

    private String cast(String tensor) {
        return "torch.to(" + tensor + ", " + computeType + ")";
    }

    /** {@code torch.channels_last} is memory format 2. */
    private static String channelsLast(String tensor) {
        return "torch.contiguous(" + tensor + ", memory_format=2)";
    }

    private static boolean isLambda(Block block, String name) {
        return block.getClass() == LambdaBlock.class && name.equals(((LambdaBlock) block).getName());
    }

    private static String pair(long a, long b) {
        return "[" + a + ", " + b + "]";
    }

    /** A float's exact double value as a TorchScript literal. */
    private static String literal(double value) {
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }
}
