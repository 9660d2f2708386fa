package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code normalize}: see {@link Normalize}. */
@AutoService(AugmentationProvider.class)
public final class NormalizeProvider implements AugmentationProvider {

    static final Param MEAN = Param.reals("mean", List.of(0.5), null, null, 0, "per-channel mean to subtract (1 value or one per channel)");
    static final Param STD = Param.reals("std", List.of(0.5), 1e-12, null, 0, "per-channel standard deviation to divide by (1 value or one per channel)");

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public String description() {
        return "(x - mean) / std per channel (torchvision Normalize); kept for evaluation";
    }

    @Override
    public List<Param> parameters() {
        return List.of(MEAN, STD);
    }

    @Override
    public Augmentation create(Params params) {
        try {
            return new Normalize(params.getDoubles("mean"), params.getDoubles("std"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ": " + e.getMessage(), e);
        }
    }
}
