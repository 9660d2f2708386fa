package dev.simclr.eval.similarity;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code similarity-grid} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class SimilarityGridProvider implements EvaluatorProvider {

    public static final String NAME = "similarity-grid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two augmented views of a few test images and the cosine similarity of their features: similarity-grid.png";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("images", 6, 1, 64, "test images shown (a seeded sample)"),
                Param.integer("cell-size", 112, 16, 1024, "size in pixels each image is drawn at"));
    }

    @Override
    public Evaluator create(Params params) {
        return new SimilarityGrid(NAME, params.getInt("images"), params.getInt("cell-size"));
    }
}
