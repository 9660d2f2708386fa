package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code simclr}: the paper's augmentation (Chen et al. 2020, section 3 and appendix A): random
 * resized crop (scale 0.08-1, ratio 3/4-4/3), horizontal flip, colour jitter
 * (0.8s, 0.8s, 0.8s, 0.2s) with probability 0.8, grayscale with probability 0.2, optionally Gaussian
 * blur (kernel 10% of the side, sigma 0.1-2.0, probability 0.5), then normalize.
 */
@AutoService(AugmentationProvider.class)
public final class SimclrPresetProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "simclr";
    }

    @Override
    public String description() {
        return "the SimCLR paper's pipeline: crop, flip, colour jitter, grayscale, optional blur, normalize";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                RandomResizedCropProvider.SIZE,
                Param.real("strength", 1.0, 0.0, 2.5, "colour distortion strength s: jitter (0.8s, 0.8s, 0.8s, 0.2s)"),
                Param.bool("blur", false, "add the paper's Gaussian blur (ImageNet setting; off for CIFAR-sized images)"),
                Param.real("flip-p", 0.5, 0.0, 1.0, "probability of a horizontal flip"),
                NormalizeProvider.MEAN,
                NormalizeProvider.STD);
    }

    @Override
    public Augmentation create(Params params) {
        try {
            return build(params.getInt("size"), params.getDouble("strength"), params.getBool("blur"),
                    params.getDouble("flip-p"), params.getDoubles("mean"), params.getDoubles("std"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ": " + e.getMessage(), e);
        }
    }

    /** The preset as a {@link Compose} of its members. */
    public static Compose build(int size, double strength, boolean blur, double flipP, double[] mean, double[] std) {
        List<Augmentation> ops = new ArrayList<>();
        ops.add(new RandomResizedCrop(size, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, false));
        ops.add(new RandomHorizontalFlip(flipP));
        ops.add(new ColorJitter(0.8 * strength, 0.8 * strength, 0.8 * strength, 0.2 * strength, 0.8));
        ops.add(new RandomGrayscale(0.2));
        if (blur) {
            ops.add(new RandomGaussianBlur(RandomGaussianBlur.kernelFor(size), 0.1, 2.0, 0.5));
        }
        ops.add(new Normalize(mean, std));
        return new Compose(ops);
    }
}
