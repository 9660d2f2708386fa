package dev.simclr.eval.report;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code report} evaluator: list it last under {@code evaluate:}. */
@AutoService(EvaluatorProvider.class)
public final class ReportProvider implements EvaluatorProvider {

    public static final String NAME = "report";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one self-contained report.html: results, training curves, pictures, resolved config (list it last)";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.string("title", "SimCLR run report", "heading of the page"));
    }

    @Override
    public Evaluator create(Params params) {
        return new RunReport(params.getString("title"));
    }
}
