package dev.simclr.models;

import com.google.auto.service.AutoService;
import dev.simclr.api.EncoderProvider;

/** Encoder {@code resnet50}: torchvision's ResNet-50 without its classifier. */
@AutoService(EncoderProvider.class)
public final class ResNet50Provider extends ResNetEncoderProvider {

    public ResNet50Provider() {
        super(ResNetDepth.RESNET50);
    }

    @Override
    public String description() {
        return "ResNet-50 (bottleneck blocks, 3-4-6-3; 2048 features at width 1)";
    }
}
