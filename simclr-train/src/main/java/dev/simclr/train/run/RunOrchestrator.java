package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Features;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigValidator;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.io.Json;
import dev.simclr.train.pretrain.EpochMetrics;
import dev.simclr.train.pretrain.MetricsLog;
import dev.simclr.train.pretrain.PretrainResult;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import dev.simclr.train.pretrain.StepMetrics;
import dev.simclr.train.progress.ConsoleProgress;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the stages of a run: pre-training, then every configured evaluator (found through the
 * SPI, never imported). Everything that can be checked is checked before the run folder is made:
 * the config, the backend, the data.
 */
public final class RunOrchestrator {

    private final PluginRegistry registry;
    private final PrintStream out;
    private final boolean terminal;

    public RunOrchestrator(PluginRegistry registry, PrintStream out, boolean terminal) {
        this.registry = registry;
        this.out = out;
        this.terminal = terminal;
    }

    /** Validates a raw config tree (after overrides). */
    public RunConfig validate(Map<String, Object> tree) {
        return new ConfigValidator(registry).validate(tree);
    }

    /**
     * Pre-trains and evaluates.
     *
     * @param outDir the run folder to use, or null to choose one from {@code output:}
     * @param force overwrite a non-empty run folder
     */
    public RunOutcome run(RunConfig config, Path outDir, boolean force) throws IOException, InterruptedException {
        Components parts = new Components(registry, config);
        Path dir = RunFolder.choose(outDir, config.output().getString("dir"), config.output().getString("name", null), force);
        try (Backend backend = parts.backend(null)) {
            if (!backend.canTrain()) {
                throw new IllegalStateException("backend '" + backend.name() + "' cannot pre-train (no autograd and no training ops in its DJL engine); "
                        + "pre-train with backend: pytorch, then run `simclr evaluate RUNDIR --backend " + backend.name() + "`");
            }
            Datasets data = openData(parts);
            List<Augmentation> ops = parts.augmentations();
            RunFolder folder = RunFolder.create(dir, force);
            Map<String, Object> resolved = config.toTree();
            AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ConfigLoader.toYaml(resolved));
            out.println("run folder: " + folder.dir());
            out.println("backend:    " + backend.describe());
            out.println("data:       " + data.train.description() + " (" + data.train.size() + " images " + data.train.shape() + ")"
                    + (data.test != null ? "; test " + data.test.description() + " (" + data.test.size() + ")" : ""));

            try (NDManager manager = backend.newManager();
                    TwoViewPipeline pipeline = new TwoViewPipeline(data.train, ops, config.train().getInt("workers"), config.seed());
                    MetricsLog metrics = new MetricsLog(folder.file(RunFolder.METRICS))) {
                ImageShape viewShape = pipeline.viewShape();
                SimClrNetwork network = parts.network(viewShape);
                Pretrainer.initialize(network, manager, viewShape, config.seed());
                out.println("model:      " + config.encoder().name() + " (" + network.featureSize() + " features) + "
                        + config.head().name() + " head (" + network.projectionSize() + "), " + countParameters(network) + " parameters; views "
                        + viewShape);
                Pretrainer trainer = new Pretrainer(backend, network, parts.loss(), config.train(), config.seed());
                int logEvery = config.train().getInt("log-every");
                PretrainResult result = trainer.run(manager, pipeline, data.train.size(), new Pretrainer.StepListener() {
                    @Override
                    public void onStep(StepMetrics s) {
                        if (s.step() % logEvery == 0) {
                            metrics.write(s.toJson());
                        }
                    }

                    @Override
                    public void onEpoch(EpochMetrics e) {
                        metrics.write(e.toJson());
                    }
                }, progress());
                out.printf("pre-training: %d steps in %.1f s, %.1f images/s, loss %.4f -> %.4f, data wait %.1f%%%n",
                        result.steps(), result.seconds(), result.samplesPerSecond(), result.firstLoss(), result.lastLoss(),
                        100 * result.dataWaitFraction());
                saveParameters(network, folder);
                Map<String, Map<String, Object>> results = evaluate(parts, backend, manager, network, data, ops, folder, resolved);
                return new RunOutcome(folder.dir(), result, results);
            }
        }
    }

    /**
     * Evaluates a finished run again, optionally on another backend, without pre-training.
     */
    public RunOutcome evaluate(Path runDir, ComponentConfig backendOverride) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        Map<String, Object> tree = ConfigLoader.read(folder.file(RunFolder.CONFIG));
        RunConfig config = validate(tree);
        Components parts = new Components(registry, config);
        Path params = folder.file(RunFolder.ENCODER);
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException(runDir + " has no trained encoder (" + RunFolder.ENCODER + "): did its pre-training finish?");
        }
        try (Backend backend = parts.backend(backendOverride)) {
            Datasets data = openData(parts);
            List<Augmentation> ops = parts.augmentations();
            out.println("re-evaluating " + runDir + " on " + backend.describe());
            try (NDManager manager = backend.newManager()) {
                SimClrNetwork network = loadTrained(parts, manager, data.train.shape(), ops, folder);
                Map<String, Map<String, Object>> results = evaluate(parts, backend, manager, network, data, ops, folder, config.toTree());
                return new RunOutcome(folder.dir(), null, results);
            }
        }
    }

    /**
     * Encoder features of a dataset under a finished run's encoder: by default the run's test data
     * (or its training data when it has none); {@code dataOverride} may replace {@code data.test}
     * in the run's config tree.
     */
    public Features embed(Path runDir, java.util.function.Consumer<Map<String, Object>> dataOverride) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        Map<String, Object> tree = ConfigLoader.read(folder.file(RunFolder.CONFIG));
        if (dataOverride != null) {
            dataOverride.accept(tree);
        }
        RunConfig config = validate(tree);
        Components parts = new Components(registry, config);
        try (Backend backend = parts.backend(null); NDManager manager = backend.newManager()) {
            ImageDataset train = parts.dataset(config.trainData());
            ImageDataset target = config.testData() != null ? parts.dataset(config.testData()) : train;
            List<Augmentation> ops = parts.augmentations();
            SimClrNetwork network = loadTrained(parts, manager, train.shape(), ops, folder);
            FeatureExtractor extractor = new FeatureExtractor(manager, Components.evaluationTransform(ops));
            if (!extractor.inputShape(target).equals(extractor.inputShape(train))) {
                throw new IllegalArgumentException("images of " + target.description() + " become " + extractor.inputShape(target)
                        + " after the evaluation transform, but the encoder was trained on " + extractor.inputShape(train));
            }
            float[] values;
            try (Progress p = progress().apply("embedding " + target.description(), (long) target.size())) {
                values = extractor.encode(network.encoder(), network.featureSize(), target, p);
            }
            int[] labels = new int[target.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = target.label(i);
            }
            return new Features(values, target.size(), network.featureSize(), labels, target.numClasses());
        }
    }

    /** The trained network of a run folder, loaded into {@code manager}. */
    public SimClrNetwork loadTrained(Components parts, NDManager manager, ImageShape dataShape, List<Augmentation> ops, RunFolder folder) throws IOException {
        ImageShape viewShape = Components.shapeAfter(ops, dataShape);
        SimClrNetwork network = parts.network(viewShape);
        Pretrainer.initialize(network, manager, viewShape, parts.config().seed());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.file(RunFolder.ENCODER)));
                DataInputStream din = new DataInputStream(in)) {
            network.encoder().loadParameters(manager, din);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(folder.file(RunFolder.ENCODER) + " does not match the encoder in " + RunFolder.CONFIG + ": " + e.getMessage(), e);
        }
        return network;
    }

    private Map<String, Map<String, Object>> evaluate(Components parts, Backend backend, NDManager manager, SimClrNetwork trained,
            Datasets data, List<Augmentation> ops, RunFolder folder, Map<String, Object> resolved) throws IOException {
        RunConfig config = parts.config();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        if (config.evaluate().isEmpty()) {
            return results;
        }
        Map<DataSplit, ImageDataset> splits = new EnumMap<>(DataSplit.class);
        splits.put(DataSplit.TRAIN, data.probeTrain);
        if (data.test != null) {
            splits.put(DataSplit.TEST, data.test);
        }
        ImageShape viewShape = Components.shapeAfter(ops, data.train.shape());
        FeatureExtractor extractor = new FeatureExtractor(manager, Components.evaluationTransform(ops));
        RunEvaluationContext ctx = new RunEvaluationContext(folder.dir(), config.seed(), backend, splits, trained, () -> {
            SimClrNetwork fresh = parts.network(viewShape);
            Pretrainer.initialize(fresh, manager, viewShape, config.seed());
            return fresh;
        }, ops, extractor, resolved, results, progress(), out);
        for (ComponentConfig c : config.evaluate()) {
            out.println("evaluating: " + c.name());
            Map<String, Map<String, Object>> rows;
            try {
                rows = registry.get(EvaluatorProvider.class, c.name()).create(c.params()).evaluate(ctx);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("evaluator " + c.name() + " failed: " + e.getMessage(), e);
            }
            results.putAll(rows);
            AtomicFiles.writeString(folder.file(RunFolder.RESULTS), Json.pretty(results));
        }
        printResults(results);
        return results;
    }

    private void printResults(Map<String, Map<String, Object>> results) {
        out.println();
        out.printf("%-34s %8s %8s%n", "evaluation", "top1", "top5");
        for (Map.Entry<String, Map<String, Object>> e : results.entrySet()) {
            Object t1 = e.getValue().get("top1");
            Object t5 = e.getValue().get("top5");
            if (t1 instanceof Number || t5 instanceof Number) {
                out.printf("%-34s %8s %8s%n", e.getKey(), pct(t1), pct(t5));
            }
        }
    }

    private static String pct(Object v) {
        return v instanceof Number n ? String.format("%.2f%%", 100 * n.doubleValue()) : "-";
    }

    private BiFunction<String, Long, Progress> progress() {
        return (task, total) -> new ConsoleProgress(out, task, total, terminal);
    }

    private Datasets openData(Components parts) throws IOException {
        RunConfig c = parts.config();
        ImageDataset train = parts.dataset(c.trainData());
        ImageDataset test = c.testData() == null ? null : parts.dataset(c.testData());
        ImageDataset probeTrain = c.probeTrainData() == null ? train : parts.dataset(c.probeTrainData());
        if (!c.evaluate().isEmpty()) {
            if (!probeTrain.labeled()) {
                throw new IllegalArgumentException((c.probeTrainData() == null ? "data.train" : "data.probe-train")
                        + ": the evaluators need labelled data to fit on, but " + probeTrain.description()
                        + " has no labels; add data.probe-train with labelled images");
            }
            if (test != null && !test.labeled()) {
                throw new IllegalArgumentException("data.test: " + test.description() + " has no labels; evaluation needs labelled test data");
            }
            if (test != null && !test.shape().equals(probeTrain.shape())) {
                throw new IllegalArgumentException("data.test images are " + test.shape() + " but the probe's training images are "
                        + probeTrain.shape() + "; give both the same size (e.g. image-folder size:)");
            }
        }
        return new Datasets(train, test, probeTrain);
    }

    private static void saveParameters(SimClrNetwork network, RunFolder folder) throws IOException {
        AtomicFiles.write(folder.file(RunFolder.ENCODER), o -> network.encoder().saveParameters(new DataOutputStream(o)));
        AtomicFiles.write(folder.file(RunFolder.NETWORK), o -> network.saveParameters(new DataOutputStream(o)));
    }

    static long countParameters(SimClrNetwork network) {
        long n = 0;
        for (var p : network.getParameters()) {
            if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    private record Datasets(ImageDataset train, ImageDataset test, ImageDataset probeTrain) {}
}
