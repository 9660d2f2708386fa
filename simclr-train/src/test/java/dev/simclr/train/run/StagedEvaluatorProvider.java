package dev.simclr.train.run;

import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;
import java.util.Map;

/**
 * {@code staged}: an evaluator that reports one row named by its {@code label} at once, or, with
 * {@code hold: true}, never returns: an evaluation to stop in the middle of.
 */
final class StagedEvaluatorProvider implements EvaluatorProvider {

    @Override
    public String name() {
        return "staged";
    }

    @Override
    public String description() {
        return "one row at once, or a wait that never ends";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.string("label", "staged", "the row's name"),
                Param.bool("hold", false, "wait forever instead of reporting"));
    }

    @Override
    public Evaluator create(Params params) {
        return context -> {
            if (params.getBool("hold")) {
                context.log("staged: holding");
                Thread.sleep(Long.MAX_VALUE);
            }
            return Map.of(params.getString("label"), Map.of("top1", 0.25));
        };
    }
}
