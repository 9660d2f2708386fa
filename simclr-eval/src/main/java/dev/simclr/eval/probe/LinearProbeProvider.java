package dev.simclr.eval.probe;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.eval.select.GridSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The {@code linear-probe} evaluator: logistic regression on frozen features. */
@AutoService(EvaluatorProvider.class)
public final class LinearProbeProvider implements EvaluatorProvider {

    public static final String NAME = "linear-probe";

    /**
     * Weight decays tried by default: 10^-6 to 10^0 in half decades. Standardised features of a
     * few hundred dimensions and some thousand images want 1e-4 to 1e-2; the ends leave room
     * either side (SimCLR, Appendix B.8, searched 45 log-spaced values of its penalty).
     */
    static final List<Double> DEFAULT_WEIGHT_DECAYS = IntStream.rangeClosed(-12, 0)
            .mapToObj(e -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, e / 2.0))))
            .toList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "logistic regression on frozen features, weight decay chosen on a validation split, top-1/top-5 on the test split (with baselines)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("epochs", 100, 1, 100_000, "passes over the train features (lbfgs: iterations)"),
                Param.real("lr", 0.1, 0.0, 100.0, "fixed learning rate, not searched (lbfgs: scale of the first step, default 1)")
                        .asOptional(),
                Param.reals("lr-grid", List.of(0.1), 1e-8, 100.0, 0,
                        "learning rates searched for sgd and adam (default: their default lr / 10, x 1, x 10)").asOptional(),
                Param.real("weight-decay", 1e-4, 0.0, 10.0, "fixed L2 penalty on the weights, not searched").asOptional(),
                Param.reals("weight-decay-grid", DEFAULT_WEIGHT_DECAYS, 0.0, 10.0, 0,
                        "L2 penalties searched on the validation split (default 1e-6 to 1 in half decades)"),
                Param.real("validation-fraction", 0.2, 0.01, 0.9, "share of each class of the train split held out to choose settings"),
                Param.real("momentum", 0.9, 0.0, 0.999, "momentum of sgd"),
                Param.integer("batch-size", 256, 0, 1 << 24, "rows per step (0: the whole train split; lbfgs always uses it whole)"),
                Param.bool("standardize", true, "centre and scale each feature with train-split mean and std"),
                Param.choice("optimizer", ProbeOptimizer.LBFGS.yamlName(), ProbeOptimizer.names(),
                        "lbfgs (full batch, the paper's), sgd (momentum, cosine decay) or adam (cosine decay)"),
                Param.bool("baselines", true, "also probe random-init encoder features and raw pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        ProbeOptimizer optimizer = ProbeOptimizer.byName(params.getString("optimizer"));
        double lr = params.has("lr") ? params.getDouble("lr") : optimizer.defaultLr();
        double[] weightDecays = params.has("weight-decay") ? new double[] {params.getDouble("weight-decay")}
                : params.getDoubles("weight-decay-grid");
        ProbeSettings settings = new ProbeSettings(params.getInt("epochs"), lr, weightDecays[0],
                params.getDouble("momentum"), params.getInt("batch-size"), params.getBool("standardize"), optimizer, 0L);
        return new LinearProbe(NAME, settings, grid(params, optimizer, weightDecays), params.getDouble("validation-fraction"),
                params.getBool("baselines"));
    }

    /** The learning-rate axis (where the optimizer has one and it is not fixed), then weight decays largest first. */
    private static List<GridSearch.Axis> grid(Params params, ProbeOptimizer optimizer, double[] weightDecays) {
        List<GridSearch.Axis> axes = new ArrayList<>();
        if (params.has("lr-grid") && (optimizer == ProbeOptimizer.LBFGS || params.has("lr"))) {
            throw new IllegalArgumentException(params.path() + ".lr-grid: "
                    + (params.has("lr") ? "give either lr (fixed) or lr-grid (searched), not both"
                            : "lbfgs has no learning rate to choose (its line search sets each step); remove lr-grid"));
        }
        if (!params.has("lr") && optimizer != ProbeOptimizer.LBFGS) {
            double[] lrs = params.has("lr-grid") ? params.getDoubles("lr-grid")
                    : optimizer.defaultLrGrid().stream().mapToDouble(Double::doubleValue).toArray();
            axes.add(new GridSearch.Axis(ProbeSelection.LR, lrs));
        }
        double[] descending = Arrays.stream(weightDecays).boxed().sorted((a, b) -> Double.compare(b, a))
                .mapToDouble(Double::doubleValue).distinct().toArray();
        axes.add(new GridSearch.Axis(ProbeSelection.WEIGHT_DECAY, descending));
        return axes;
    }
}
