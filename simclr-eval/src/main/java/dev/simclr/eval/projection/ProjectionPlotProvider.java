package dev.simclr.eval.projection;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code projection-plot} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class ProjectionPlotProvider implements EvaluatorProvider {

    public static final String NAME = "projection-plot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PCA map of the trained encoder's test features coloured by class: projection.png";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("max-points", 10_000, 2, 1_000_000, "test images drawn at most (a seeded sample beyond)"),
                Param.integer("width", 900, 200, 8000, "image width in pixels"),
                Param.integer("height", 700, 200, 8000, "image height in pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        return new ProjectionPlot(NAME, params.getInt("max-points"), params.getInt("width"), params.getInt("height"));
    }
}
