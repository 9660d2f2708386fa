package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code horizontal-flip}: see {@link RandomHorizontalFlip}. */
@AutoService(AugmentationProvider.class)
public final class HorizontalFlipProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "horizontal-flip";
    }

    @Override
    public String description() {
        return "mirror left-right with probability p (torchvision RandomHorizontalFlip)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.real("p", 0.5, 0.0, 1.0, "probability of flipping"));
    }

    @Override
    public Augmentation create(Params params) {
        return new RandomHorizontalFlip(params.getDouble("p"));
    }
}
