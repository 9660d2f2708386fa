package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.io.Json;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The evaluation stage: every configured evaluator (found through the SPI, never imported) on
 * one shared context, results.json rewritten after each, and the results table at the end.
 */
final class Evaluations {

    private final PrintStream out;
    private final BiFunction<String, Long, Progress> progress;

    Evaluations(PrintStream out, BiFunction<String, Long, Progress> progress) {
        this.out = out;
        this.progress = progress;
    }

    Map<String, Map<String, Object>> run(Components parts, Backend backend, NDManager manager, SimClrNetwork trained, RunData data,
            List<Augmentation> ops, RunFolder folder, Path outDir, Map<String, Object> resolved) throws IOException {
        RunConfig config = parts.config();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        if (config.evaluate().isEmpty()) {
            return results;
        }
        Map<DataSplit, ImageDataset> splits = new EnumMap<>(DataSplit.class);
        splits.put(DataSplit.TRAIN, data.probeTrain());
        if (data.test() != null) {
            splits.put(DataSplit.TEST, data.test());
        }
        ImageShape viewShape = Components.shapeAfter(ops, data.train().shape());
        FeatureExtractor extractor = new FeatureExtractor(backend, manager, Components.evaluationTransform(ops));
        // the random-init baseline is the encoder pre-training started from, saved at the start of
        // the run, so it is the same on every backend (engines draw different random numbers)
        RunEvaluationContext ctx = new RunEvaluationContext(folder.dir(), outDir, config.seed(), backend, splits, trained, () -> {
            try {
                return TrainedModels.initial(parts, manager, viewShape, folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ops, extractor, resolved, results, progress, out);
        try (EvaluationStop stop = new EvaluationStop(out, folder.dir(), outDir).install()) {
            for (ComponentConfig c : config.evaluate()) {
                out.println("evaluating: " + c.name());
                Map<String, Map<String, Object>> rows;
                try {
                    rows = parts.registry().get(EvaluatorProvider.class, c.name()).create(c.params()).evaluate(ctx);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("evaluator " + c.name() + " failed: " + e.getMessage(), e);
                }
                results.putAll(rows);
                AtomicFiles.writeString(outDir.resolve(RunFolder.RESULTS), Json.pretty(results));
                stop.finished(c.name());
            }
        }
        ResultsTable.print(out, results);
        return results;
    }
}
