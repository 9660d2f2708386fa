package dev.simclr.eval.embed;

import com.google.auto.service.AutoService;
import dev.simclr.api.Evaluator;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** The {@code embeddings} evaluator: exports test-split features. */
@AutoService(EvaluatorProvider.class)
public final class EmbeddingsProvider implements EvaluatorProvider {

    public static final String NAME = "embeddings";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "writes the trained encoder's test-split features: embeddings.npy, labels.npy, embeddings.csv";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.bool("csv", true, "also write embeddings.csv (index,label,f0..fn; large for big splits)"));
    }

    @Override
    public Evaluator create(Params params) {
        return new EmbeddingsEvaluator(NAME, params.getBool("csv"));
    }
}
