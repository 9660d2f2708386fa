package dev.simclr.models;

import dev.simclr.api.Encoder;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;
import java.util.Locale;

/**
 * What the three ResNet encoder providers share: their parameters and how they turn them into a
 * {@link ResNet}. Each depth is its own provider so YAML names it directly ({@code encoder: resnet50}).
 */
abstract class ResNetEncoderProvider implements EncoderProvider {

    static final String STEM = "stem";
    static final String WIDTH = "width";
    static final String ZERO_INIT_RESIDUAL = "zero-init-residual";

    private static final List<Param> PARAMETERS = List.of(
            Param.choice(STEM, Stem.CIFAR.key(), List.of(Stem.CIFAR.key(), Stem.IMAGENET.key()),
                    "cifar: 3x3 stride-1 conv, no max-pool (small images); imagenet: 7x7 stride-2 conv + max-pool"),
            Param.real(WIDTH, 1.0, 0.01, 16.0,
                    "multiplier of every channel count (0.25 gives 16/32/64/128 base channels)"),
            Param.bool(ZERO_INIT_RESIDUAL, false,
                    "start each residual branch's last batch-norm gamma at 0 (torchvision's zero_init_residual)"));

    private final ResNetDepth depth;

    ResNetEncoderProvider(ResNetDepth depth) {
        this.depth = depth;
    }

    @Override
    public String name() {
        return depth.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Param> parameters() {
        return PARAMETERS;
    }

    /**
     * Input channels are not fixed here: DJL infers each convolution's input channels when the
     * encoder is initialised with the {@code [N, C, H, W]} shape built from {@code input}.
     */
    @Override
    public Encoder create(Params params, ImageShape input) {
        return ResNet.builder()
                .depth(depth)
                .stem(Stem.fromKey(params.getString(STEM)))
                .width(params.getDouble(WIDTH))
                .zeroInitResidual(params.getBool(ZERO_INIT_RESIDUAL))
                .build();
    }
}
