package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code color-jitter}: see {@link ColorJitter}; defaults are the paper's strength 1. */
@AutoService(AugmentationProvider.class)
public final class ColorJitterProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "color-jitter";
    }

    @Override
    public String description() {
        return "random brightness, contrast, saturation and hue in random order, applied with probability p (torchvision ColorJitter in RandomApply)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.real("brightness", 0.8, 0.0, null, "brightness factor drawn from [max(0, 1 - v), 1 + v]; 0 turns it off"),
                Param.real("contrast", 0.8, 0.0, null, "contrast factor drawn from [max(0, 1 - v), 1 + v]; 0 turns it off"),
                Param.real("saturation", 0.8, 0.0, null, "saturation factor drawn from [max(0, 1 - v), 1 + v]; 0 turns it off"),
                Param.real("hue", 0.2, 0.0, 0.5, "hue shift drawn from [-v, v]; 0 turns it off"),
                Param.real("p", 0.8, 0.0, 1.0, "probability of applying the jitter"));
    }

    @Override
    public Augmentation create(Params params) {
        try {
            return new ColorJitter(params.getDouble("brightness"), params.getDouble("contrast"),
                    params.getDouble("saturation"), params.getDouble("hue"), params.getDouble("p"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ": " + e.getMessage(), e);
        }
    }
}
