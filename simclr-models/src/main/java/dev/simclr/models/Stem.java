package dev.simclr.models;

import java.util.Locale;

/** The first layers of a ResNet, before the residual stages. */
public enum Stem {
    /**
     * 3x3 stride-1 convolution, batch norm, ReLU and no max-pool: the SimCLR paper's choice for
     * 32x32 CIFAR-10 images (Chen et al. 2020, appendix B.9), so small images are not down-sampled
     * 4x before the first stage.
     */
    CIFAR,
    /**
     * 7x7 stride-2 convolution (padding 3), batch norm, ReLU and 3x3 stride-2 max-pool (padding 1),
     * as torchvision's {@code ResNet.__init__} for ImageNet-sized inputs.
     */
    IMAGENET;

    /** The YAML spelling. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stem fromKey(String key) {
        for (Stem s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stem '" + key + "': use cifar or imagenet");
    }
}
