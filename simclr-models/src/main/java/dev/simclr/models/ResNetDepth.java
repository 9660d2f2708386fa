package dev.simclr.models;

import java.util.List;

/**
 * The ResNet variants we build: blocks per stage and the kind of residual block, as torchvision's
 * {@code resnet18/34/50} (He et al. 2016, table 1).
 */
public enum ResNetDepth {
    RESNET18(List.of(2, 2, 2, 2), false),
    RESNET34(List.of(3, 4, 6, 3), false),
    RESNET50(List.of(3, 4, 6, 3), true);

    private final List<Integer> blocksPerStage;
    private final boolean bottleneck;

    ResNetDepth(List<Integer> blocksPerStage, boolean bottleneck) {
        this.blocksPerStage = blocksPerStage;
        this.bottleneck = bottleneck;
    }

    public List<Integer> blocksPerStage() {
        return blocksPerStage;
    }

    /** True for 1x1-3x3-1x1 bottleneck blocks, false for two 3x3 convolutions. */
    public boolean bottleneck() {
        return bottleneck;
    }

    /** Output channels of a block relative to its inner width: 4 for bottlenecks, else 1. */
    public int expansion() {
        return bottleneck ? 4 : 1;
    }
}
