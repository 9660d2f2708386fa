package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code gaussian-blur}: see {@link RandomGaussianBlur}. */
@AutoService(AugmentationProvider.class)
public final class GaussianBlurProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "gaussian-blur";
    }

    @Override
    public String description() {
        return "Gaussian blur with random sigma and reflect padding, applied with probability p (torchvision GaussianBlur in RandomApply)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("kernel-size", 3, 1, 1023, "odd kernel side in pixels (SimCLR: about 10% of the image side)"),
                Param.reals("sigma", List.of(0.1, 2.0), 1e-6, null, 2, "range of the standard deviation, drawn uniformly"),
                Param.real("p", 0.5, 0.0, 1.0, "probability of blurring"));
    }

    @Override
    public Augmentation create(Params params) {
        double[] sigma = params.getDoubles("sigma");
        try {
            return new RandomGaussianBlur(params.getInt("kernel-size"), sigma[0], sigma[1], params.getDouble("p"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ": " + e.getMessage(), e);
        }
    }
}
