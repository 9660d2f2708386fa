package dev.simclr.eval.probe;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code linear-probe} evaluator: logistic regression on frozen features. */
@AutoService(EvaluatorProvider.class)
public final class LinearProbeProvider implements EvaluatorProvider {

    public static final String NAME = "linear-probe";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "logistic regression on frozen features, top-1/top-5 on the test split (with baselines)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.integer("epochs", 100, 1, 100_000, "passes over the train features (lbfgs: iterations)"),
                Param.real("lr", 0.1, 0.0, 100.0, "learning rate (default: sgd 0.1, adam 0.001, lbfgs 1 = natural first step)")
                        .asOptional(),
                Param.real("weight-decay", 1e-4, 0.0, 10.0, "L2 penalty on the weights (not the bias)"),
                Param.real("momentum", 0.9, 0.0, 0.999, "momentum of sgd"),
                Param.integer("batch-size", 256, 0, 1 << 24, "rows per step (0: the whole train split; lbfgs always uses it whole)"),
                Param.bool("standardize", true, "centre and scale each feature with train-split mean and std"),
                Param.choice("optimizer", ProbeOptimizer.SGD.yamlName(), ProbeOptimizer.names(),
                        "sgd (momentum, cosine decay), adam (cosine decay) or lbfgs (full batch)"),
                Param.bool("baselines", true, "also probe random-init encoder features and raw pixels"));
    }

    @Override
    public Evaluator create(Params params) {
        ProbeOptimizer optimizer = ProbeOptimizer.byName(params.getString("optimizer"));
        double lr = params.has("lr") ? params.getDouble("lr") : optimizer.defaultLr();
        ProbeSettings settings = new ProbeSettings(params.getInt("epochs"), lr, params.getDouble("weight-decay"),
                params.getDouble("momentum"), params.getInt("batch-size"), params.getBool("standardize"), optimizer, 0L);
        return new LinearProbe(NAME, settings, params.getBool("baselines"));
    }
}
