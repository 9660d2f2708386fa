package dev.simclr.eval.knn;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.eval.select.GridSearch;
import java.util.Arrays;
import java.util.List;

/** The {@code knn} evaluator. */
@AutoService(EvaluatorProvider.class)
public final class KnnProvider implements EvaluatorProvider {

    public static final String NAME = "knn";

    /** Neighbour counts tried by default: from nearly the 1-NN rule to the monitors' 200 and past it. */
    static final List<Double> DEFAULT_KS = List.of(1.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0);
    /** Temperatures tried by default, around the monitors' 0.1 (Wu et al. 2018 use 0.07). */
    static final List<Double> DEFAULT_TEMPERATURES = List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted k-nearest-neighbour accuracy on cosine similarity of frozen features, k and temperature chosen on a validation split (with baselines)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("k", 200, 1, 100_000, "fixed number of neighbours that vote, not searched").asOptional(),
                Param.reals("k-grid", DEFAULT_KS, 1.0, 100_000.0, 0, "neighbour counts searched on the validation split (whole numbers)"),
                Param.real("temperature", 0.1, 1e-4, 100.0, "fixed temperature, not searched: vote weight is exp(similarity / temperature)")
                        .asOptional(),
                Param.reals("temperature-grid", DEFAULT_TEMPERATURES, 1e-4, 100.0, 0, "temperatures searched on the validation split"),
                Param.real("validation-fraction", 0.2, 0.01, 0.9, "share of each class of the train split held out to choose k and temperature"),
                Param.bool("baselines", true, "also score random-init encoder features and raw pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        double[] ks = params.has("k") ? new double[] {params.getInt("k")} : params.getDoubles("k-grid");
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] != Math.rint(ks[i])) {
                throw new IllegalArgumentException(params.path() + ".k-grid[" + i + "]: " + ks[i] + " is not a whole number of neighbours");
            }
        }
        double[] descending = Arrays.stream(ks).boxed().sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue)
                .distinct().toArray();
        double[] temperatures = params.has("temperature") ? new double[] {params.getDouble("temperature")}
                : params.getDoubles("temperature-grid");
        List<GridSearch.Axis> grid = List.of(new GridSearch.Axis(KnnSelection.K, descending), new GridSearch.Axis(KnnSelection.TEMPERATURE, temperatures));
        return new KnnEvaluator(NAME, grid, params.getDouble("validation-fraction"), params.getBool("baselines"));
    }
}
