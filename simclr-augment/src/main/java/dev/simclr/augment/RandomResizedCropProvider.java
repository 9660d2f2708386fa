package dev.simclr.augment;

import com.google.auto.service.AutoService;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** {@code random-resized-crop}: see {@link RandomResizedCrop}. */
@AutoService(AugmentationProvider.class)
public final class RandomResizedCropProvider implements AugmentationProvider {

    static final Param SIZE = Param.integer("size", 32, 1, 4096, "output side in pixels (square)");

    @Override
    public String name() {
        return "random-resized-crop";
    }

    @Override
    public String description() {
        return "crop of random area and aspect ratio resized to size x size (torchvision RandomResizedCrop, bilinear)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                SIZE,
                Param.reals("scale", List.of(0.08, 1.0), 0.0, 1.0, 2, "range of the crop's area as a fraction of the image"),
                Param.reals("ratio", List.of(3.0 / 4.0, 4.0 / 3.0), 1e-3, 1e3, 2, "range of the crop's aspect ratio width/height, sampled log-uniformly"),
                Param.choice("interpolation", "bilinear", List.of("bilinear"), "resampling filter"),
                Param.bool("antialias", false, "low-pass when shrinking (torchvision 0.14 tensor default: false)"));
    }

    @Override
    public Augmentation create(Params params) {
        double[] scale = params.getDoubles("scale");
        double[] ratio = params.getDoubles("ratio");
        try {
            return new RandomResizedCrop(params.getInt("size"), scale[0], scale[1], ratio[0], ratio[1], params.getBool("antialias"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ": " + e.getMessage(), e);
        }
    }
}
