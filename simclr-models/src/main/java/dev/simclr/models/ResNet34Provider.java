package dev.simclr.models;

import com.google.auto.service.AutoService;
import dev.simclr.api.EncoderProvider;

/** Encoder {@code resnet34}: torchvision's ResNet-34 without its classifier. */
@AutoService(EncoderProvider.class)
public final class ResNet34Provider extends ResNetEncoderProvider {

    public ResNet34Provider() {
        super(ResNetDepth.RESNET34);
    }

    @Override
    public String description() {
        return "ResNet-34 (two 3x3 convolutions per block, 3-4-6-3 blocks; 512 features at width 1)";
    }
}
