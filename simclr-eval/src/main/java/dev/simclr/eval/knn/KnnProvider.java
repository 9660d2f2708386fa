package dev.simclr.eval.knn;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code knn} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class KnnProvider implements EvaluatorProvider {

    public static final String NAME = "knn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted k-nearest-neighbour accuracy on cosine similarity of frozen features (with baselines)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("k", 200, 1, 100_000, "neighbours that vote"),
                Param.real("temperature", 0.1, 1e-4, 100.0, "vote weight is exp(similarity / temperature)"),
                Param.bool("baselines", true, "also score random-init encoder features and raw pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        return new KnnEvaluator(NAME, params.getInt("k"), params.getDouble("temperature"), params.getBool("baselines"));
    }
}
