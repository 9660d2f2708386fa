package dev.simclr.models;

import com.google.auto.service.AutoService;
import dev.simclr.api.EncoderProvider;

/** Encoder {@code resnet18}: torchvision's ResNet-18 without its classifier. */
@AutoService(EncoderProvider.class)
public final class ResNet18Provider extends ResNetEncoderProvider {

    public ResNet18Provider() {
        super(ResNetDepth.RESNET18);
    }

    @Override
    public String description() {
        return "ResNet-18 (two 3x3 convolutions per block, 2-2-2-2 blocks; 512 features at width 1)";
    }
}
