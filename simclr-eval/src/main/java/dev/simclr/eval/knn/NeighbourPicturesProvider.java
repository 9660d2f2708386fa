package dev.simclr.eval.knn;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code nearest-neighbours} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class NeighbourPicturesProvider implements EvaluatorProvider {

    public static final String NAME = "nearest-neighbours";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a few test images and their nearest training images (cosine) under the trained encoder, the random-init encoder"
                + " and raw pixels, right or wrong label marked: nearest-neighbours.png";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("queries", 6, 1, 64, "test images shown (a seeded sample)"),
                Param.integer("k", 5, 1, 32, "nearest training images shown per test image and representation"),
                Param.integer("cell-size", 48, 16, 512, "size in pixels each image is drawn at"));
    }

    @Override
    public Evaluator create(Params params) {
        return new NeighbourPictures(NAME, params.getInt("queries"), params.getInt("k"), params.getInt("cell-size"));
    }
}
