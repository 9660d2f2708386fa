package dev.simclr.eval.embed;

import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the trained encoder's test-split features as CSV and NumPy files in the run folder. */
final class EmbeddingsEvaluator implements Evaluator {

    static final String CSV = "embeddings.csv";
    static final String NPY = "embeddings.npy";
    static final String LABELS = "labels.npy";

    private final String name;
    private final boolean csv;

    EmbeddingsEvaluator(String name, boolean csv) {
        this.name = name;
        this.csv = csv;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Features f = ctx.features(DataSplit.TEST, FeatureSource.TRAINED);
        EmbeddingWriter.writeNpy(ctx.outputDir().resolve(NPY), f);
        EmbeddingWriter.writeLabelsNpy(ctx.outputDir().resolve(LABELS), f);
        if (csv) {
            EmbeddingWriter.writeCsv(ctx.outputDir().resolve(CSV), f);
        }
        ctx.log(name + ": wrote " + f.count() + " x " + f.dim() + " test-split features to " + NPY + ", " + LABELS
                + (csv ? " and " + CSV : ""));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("count", f.count());
        metrics.put("dim", f.dim());
        return Map.of(name, metrics);
    }
}
