package dev.simclr.eval.projection;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code tsne-map} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class TsnePlotProvider implements EvaluatorProvider {

    public static final String NAME = "tsne-map";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "t-SNE map of the trained encoder's test features coloured by class (exact on small samples, Barnes-Hut beyond): tsne.png";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("max-points", 2_000, 10, 50_000, "test images mapped at most (a seeded sample beyond)"),
                Param.real("perplexity", 30.0, 2.0, 100.0, "effective number of neighbours of each point"),
                Param.integer("iterations", 1_000, 250, 10_000, "gradient steps (the first 250 with early exaggeration)"),
                Param.real("theta", 0.5, 0.0, 1.0, "Barnes-Hut accuracy: a cell counts as one point when its diagonal / distance is below it"),
                Param.integer("exact-below", 500, 0, 5_000, "up to this many points, every pair is summed exactly"),
                Param.integer("width", 900, 200, 8000, "image width in pixels"),
                Param.integer("height", 700, 200, 8000, "image height in pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        Tsne tsne = new Tsne(params.getDouble("perplexity"), params.getInt("iterations"), params.getDouble("theta"),
                params.getInt("exact-below"), 0);
        return new TsnePlot(NAME, params.getInt("max-points"), tsne, params.getInt("width"), params.getInt("height"));
    }
}
