package dev.simclr.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import dev.simclr.api.Encoder;
import java.util.Objects;

/**
 * Builds torchvision-shaped ResNet encoders (He et al. 2016, arXiv:1512.03385) from plain DJL
 * blocks: the classifier is removed and global average pooling gives the features. Layer for layer
 * this follows torchvision's {@code resnet.py} ({@code BasicBlock}, {@code Bottleneck} with the
 * stride on the 3x3 convolution, projection shortcuts only where the shape changes), so parameter
 * counts equal torchvision's at width 1.
 *
 * <pre>{@code
 * Encoder e = ResNet.builder().depth(ResNetDepth.RESNET18).stem(Stem.CIFAR).build();
 * }</pre>
 */
public final class ResNet {

    /** Base channels of the four stages at width 1. */
    private static final int[] STAGE_CHANNELS = {64, 128, 256, 512};

    private ResNet() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Scales a channel count by the width multiplier, rounding to the nearest integer, at least 1. */
    static int scaled(int channels, double width) {
        return (int) Math.max(1, Math.round(channels * width));
    }

    /** Knobs of a ResNet encoder; defaults: ResNet-18, CIFAR stem, width 1, no zero-init. */
    public static final class Builder {
        private ResNetDepth depth = ResNetDepth.RESNET18;
        private Stem stem = Stem.CIFAR;
        private double width = 1.0;
        private boolean zeroInitResidual;

        private Builder() {}

        public Builder depth(ResNetDepth depth) {
            this.depth = Objects.requireNonNull(depth, "depth");
            return this;
        }

        public Builder stem(Stem stem) {
            this.stem = Objects.requireNonNull(stem, "stem");
            return this;
        }

        /** Multiplies every channel count (0.25 gives stages of 16/32/64/128 base channels). */
        public Builder width(double width) {
            if (!(width > 0) || Double.isInfinite(width)) {
                throw new IllegalArgumentException("ResNet width multiplier must be a positive number, got " + width);
            }
            this.width = width;
            return this;
        }

        /**
         * Starts each residual branch's last batch norm with gamma 0, so every block begins as the
         * identity (torchvision's {@code zero_init_residual}, from Goyal et al. 2017, section 5.1).
         */
        public Builder zeroInitResidual(boolean zeroInitResidual) {
            this.zeroInitResidual = zeroInitResidual;
            return this;
        }

        /** An uninitialised encoder; parameters take their shapes when the block is initialised. */
        public Encoder build() {
            SequentialBlock net = new SequentialBlock();
            net.add(stem());
            int inChannels = scaled(STAGE_CHANNELS[0], width);
            for (int stage = 0; stage < STAGE_CHANNELS.length; stage++) {
                int planes = scaled(STAGE_CHANNELS[stage], width);
                int stride = stage == 0 ? 1 : 2;
                SequentialBlock layer = new SequentialBlock();
                for (int b = 0; b < depth.blocksPerStage().get(stage); b++) {
                    layer.add(residualBlock(inChannels, planes, b == 0 ? stride : 1));
                    inChannels = planes * depth.expansion();
                }
                net.add(layer);
            }
            // torchvision's AdaptiveAvgPool2d((1, 1)) + flatten; DJL's global pool returns [N, C]
            net.add(Pool.globalAvgPool2dBlock());
            return new Encoder(net, inChannels);
        }

        private Block stem() {
            int channels = scaled(STAGE_CHANNELS[0], width);
            SequentialBlock s = new SequentialBlock();
            if (stem == Stem.CIFAR) {
                s.add(TorchLayers.conv2d(channels, 3, 1, 1));
            } else {
                s.add(TorchLayers.conv2d(channels, 7, 2, 3));
            }
            s.add(TorchLayers.batchNorm(false, true)).add(Activation.reluBlock());
            if (stem == Stem.IMAGENET) {
                s.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
            }
            return s;
        }

        /** torchvision's {@code BasicBlock} or {@code Bottleneck} (stride on the 3x3 convolution). */
        private Block residualBlock(int inChannels, int planes, int stride) {
            int outChannels = planes * depth.expansion();
            SequentialBlock branch = new SequentialBlock();
            if (depth.bottleneck()) {
                branch.add(TorchLayers.conv2d(planes, 1, 1, 0));
                branch.add(TorchLayers.batchNorm(false, true)).add(Activation.reluBlock());
                branch.add(TorchLayers.conv2d(planes, 3, stride, 1));
                branch.add(TorchLayers.batchNorm(false, true)).add(Activation.reluBlock());
                branch.add(TorchLayers.conv2d(outChannels, 1, 1, 0));
            } else {
                branch.add(TorchLayers.conv2d(planes, 3, stride, 1));
                branch.add(TorchLayers.batchNorm(false, true)).add(Activation.reluBlock());
                branch.add(TorchLayers.conv2d(planes, 3, 1, 1));
            }
            branch.add(TorchLayers.batchNorm(zeroInitResidual, true));
            Block shortcut = null;
            if (stride != 1 || inChannels != outChannels) {
                shortcut = new SequentialBlock()
                        .add(TorchLayers.conv2d(outChannels, 1, stride, 0))
                        .add(TorchLayers.batchNorm(false, true));
            }
            return new SequentialBlock()
                    .add(new ResidualConnection(branch, shortcut))
                    .add(Activation.reluBlock());
        }
    }
}
