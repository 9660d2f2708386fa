package dev.simclr.models.portable;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.simclr.models.ResidualConnection;
import dev.simclr.models.ResNetDepth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names torchvision's {@code ResNet} gives the tensors of its {@code state_dict} (torchvision
 * {@code models/resnet.py}: {@code conv1}, {@code bn1}, {@code layer1.0.conv1}, ...,
 * {@code layerN.0.downsample.0/1}), mapped onto the parameters of an encoder built by
 * {@link dev.simclr.models.ResNet}. Batch norm's gamma and beta are torch's {@code weight} and
 * {@code bias}; its running statistics are {@code running_mean} and {@code running_var}. The
 * classifier {@code fc} has no counterpart: the encoder ends at the global average pool.
 */
public final class TorchvisionNames {

    /** A ResNet's torchvision form: the architecture, the stem, and every tensor by its torchvision name. */
    public record Layout(ResNetDepth depth, boolean cifarStem, int stemChannels, Map<String, Parameter> parameters) {

        /** torchvision's constructor for this architecture, e.g. {@code resnet18}. */
        public String architecture() {
            return depth.name().toLowerCase(Locale.ROOT);
        }
    }

    private TorchvisionNames() {}

    /**
     * The torchvision layout of an initialised encoder block, or empty when the block is not one
     * {@link dev.simclr.models.ResNet} builds (a plugin's encoder) or some parameter would stay unnamed.
     */
    public static Optional<Layout> of(Block encoder) {
        List<Block> top = children(encoder);
        if (top.size() != 6 || !top.get(5).getParameters().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (!numbered(top.get(0), "", out)) {
            return Optional.empty();
        }
        List<Integer> blocks = new ArrayList<>();
        int branchConvs = 0;
        for (int stage = 1; stage <= 4; stage++) {
            List<Block> layer = children(top.get(stage));
            blocks.add(layer.size());
            for (int b = 0; b < layer.size(); b++) {
                List<Block> unit = children(layer.get(b));
                if (unit.isEmpty() || !(unit.get(0) instanceof ResidualConnection rc)) {
                    return Optional.empty();
                }
                String prefix = "layer" + stage + "." + b + ".";
                branchConvs = (int) children(rc.branch()).stream().filter(Conv2d.class::isInstance).count();
                if (!numbered(rc.branch(), prefix, out)
                        || rc.shortcut().isPresent() && !indexed(rc.shortcut().get(), prefix + "downsample.", out)) {
                    return Optional.empty();
                }
            }
        }
        Optional<ResNetDepth> depth = depthOf(blocks, branchConvs == 3);
        if (depth.isEmpty() || out.size() != encoder.getParameters().size()) {
            return Optional.empty();
        }
        long stemChannels = out.get("conv1.weight").getArray().getShape().get(0);
        boolean cifar = out.get("conv1.weight").getArray().getShape().get(2) == 3;
        return Optional.of(new Layout(depth.get(), cifar, (int) stemChannels, out));
    }

    private static Optional<ResNetDepth> depthOf(List<Integer> blocksPerStage, boolean bottleneck) {
        for (ResNetDepth d : ResNetDepth.values()) {
            if (d.blocksPerStage().equals(blocksPerStage) && d.bottleneck() == bottleneck) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The stem or a residual branch: its convolutions and batch norms numbered from 1 ({@code conv1, bn1, conv2, ...}). */
    private static boolean numbered(Block seq, String prefix, Map<String, Parameter> out) {
        int convs = 0;
        int norms = 0;
        for (Block b : children(seq)) {
            if (b instanceof Conv2d) {
                put(b, prefix + "conv" + ++convs, out);
            } else if (b instanceof BatchNorm) {
                put(b, prefix + "bn" + ++norms, out);
            } else if (!b.getParameters().isEmpty()) {
                return false;
            }
        }
        return convs > 0 && convs == norms;
    }

    /** A projection shortcut, torchvision's {@code downsample} Sequential: children named by position. */
    private static boolean indexed(Block seq, String prefix, Map<String, Parameter> out) {
        List<Block> parts = children(seq);
        if (parts.size() != 2 || !(parts.get(0) instanceof Conv2d) || !(parts.get(1) instanceof BatchNorm)) {
            return false;
        }
        put(parts.get(0), prefix + "0", out);
        put(parts.get(1), prefix + "1", out);
        return true;
    }

    private static void put(Block layer, String module, Map<String, Parameter> out) {
        for (var p : layer.getDirectParameters()) {
            out.put(module + "." + torchName(p.getKey()), p.getValue());
        }
    }

    /** DJL's parameter names in Conv2d and BatchNorm, as torch's {@code nn.Conv2d} and {@code nn.BatchNorm2d} call them. */
    static String torchName(String djl) {
        return switch (djl) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djl;
        };
    }

    private static List<Block> children(Block b) {
        return new ArrayList<>(b.getChildren().values());
    }
}
