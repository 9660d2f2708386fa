package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code solarize}: see {@link RandomSolarize}. */
@AutoService(AugmentationProvider.class)
public final class SolarizeProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "solarize";
    }

    @Override
    public String description() {
        return "invert values at or above a threshold with probability p (torchvision RandomSolarize)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.real("threshold", 0.5, 0.0, 1.0, "values >= threshold become 1 - value"),
                Param.real("p", 0.2, 0.0, 1.0, "probability of solarizing"));
    }

    @Override
    public Augmentation create(Params params) {
        return new RandomSolarize(params.getDouble("threshold"), params.getDouble("p"));
    }
}
