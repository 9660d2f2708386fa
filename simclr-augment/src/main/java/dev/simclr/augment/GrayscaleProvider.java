package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code grayscale}: see {@link RandomGrayscale}. */
@AutoService(AugmentationProvider.class)
public final class GrayscaleProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "grayscale";
    }

    @Override
    public String description() {
        return "replace colour by luma with probability p, keeping the channel count (torchvision RandomGrayscale)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.real("p", 0.2, 0.0, 1.0, "probability of converting to gray"));
    }

    @Override
    public Augmentation create(Params params) {
        return new RandomGrayscale(params.getDouble("p"));
    }
}
