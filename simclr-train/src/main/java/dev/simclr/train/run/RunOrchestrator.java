package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Features;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.train.optim.Optimizers;
import dev.simclr.train.optim.LrSchedule;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigValidator;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
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
    private Pretrainer.StepListener observer;

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
     * Also tells {@code listener} about every step and epoch (after metrics.jsonl has them), for
     * a display or a test that follows the run.
     */
    public RunOrchestrator withStepListener(Pretrainer.StepListener listener) {
        this.observer = listener;
        return this;
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
        try (Backend backend = parts.backend()) {
            requireTraining(backend);
            Datasets data = openData(parts);
            requireKnnData(config, data);
            List<Augmentation> ops = parts.augmentations();
            preflight(parts, ops, data.train);
            RunFolder folder = RunFolder.create(dir, force);
            Map<String, Object> resolved = config.toTree();
            AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ConfigLoader.toYaml(resolved));
            out.println("run folder: " + folder.dir());
            return pretrainAndEvaluate(parts, backend, data, ops, folder, resolved, null);
        }
    }

    /**
     * Makes the model, loss and optimizer once without running anything, so that a setting only
     * they can refuse (e.g. nesterov without momentum) stops the run before its folder exists.
     */
    private static void preflight(Components parts, List<Augmentation> ops, ImageDataset train) {
        Params t = parts.config().train();
        long perEpoch = Pretrainer.stepsPerEpoch(train.size(), t.getInt("batch-size"));
        if (perEpoch == 0) {
            throw new IllegalArgumentException("train.batch-size " + t.getInt("batch-size") + " is larger than the pre-training data ("
                    + train.size() + " images); lower train.batch-size or use more data");
        }
        SimClrNetwork network = parts.network(Components.shapeAfter(ops, train.shape()));
        try (ContrastiveLoss loss = parts.loss()) {
            Optimizers.create(t, LrSchedule.of(t, perEpoch, perEpoch * t.getInt("epochs")), network);
        }
    }

    /**
     * Continues a run from its newest checkpoint, with the config in its folder ({@code overrides}
     * as {@code --set} may change it; the folder's config.yaml is updated then). metrics.jsonl is
     * appended to: a {@code "type":"resume"} line marks where, and steps after it replace the
     * same steps logged before it.
     */
    public RunOutcome resume(Path runDir, List<String> overrides) throws IOException, InterruptedException {
        RunFolder folder = RunFolder.existing(runDir);
        RunConfig config = loadConfig(folder, overrides == null || overrides.isEmpty() ? null : t -> ConfigLoader.applyOverrides(t, overrides));
        Checkpoint latest = checkpointStore(folder, config).latest().orElseThrow(() -> new IllegalArgumentException(
                runDir + " has no checkpoint to resume from (" + RunFolder.CHECKPOINTS + "/ is empty): it stopped before its first "
                        + "checkpoint. Start it again with --force, or lower train.checkpoint-every-steps next time."));
        Components parts = new Components(registry, config);
        try (Backend backend = parts.backend()) {
            requireTraining(backend);
            Datasets data = openData(parts);
            requireKnnData(config, data);
            List<Augmentation> ops = parts.augmentations();
            Map<String, Object> resolved = config.toTree();
            if (overrides != null && !overrides.isEmpty()) {
                AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ConfigLoader.toYaml(resolved));
                out.println("changed:    " + String.join(", ", overrides));
            }
            out.println("run folder: " + folder.dir());
            out.println("resuming:   from " + latest.displayName() + " (" + latest.globalStep() + " steps done)");
            return pretrainAndEvaluate(parts, backend, data, ops, folder, resolved, latest);
        }
    }

    private RunOutcome pretrainAndEvaluate(Components parts, Backend backend, Datasets data, List<Augmentation> ops, RunFolder folder,
            Map<String, Object> resolved, Checkpoint resumeFrom) throws IOException, InterruptedException {
        RunConfig config = parts.config();
        int knnEvery = config.train().getInt("knn-every");
        out.println("backend:    " + backend.describe());
        out.println("data:       " + data.train.description() + " (" + data.train.size() + " images " + data.train.shape() + ")"
                + (data.test != null ? "; test " + data.test.description() + " (" + data.test.size() + ")" : ""));
        try (NDManager manager = backend.newManager();
                TwoViewPipeline pipeline = new TwoViewPipeline(data.train, ops, config.train().getInt("workers"), config.seed());
                MetricsLog metrics = new MetricsLog(folder.file(RunFolder.METRICS));
                ContrastiveLoss loss = parts.loss();
                GracefulStop graceful = new GracefulStop(out).install()) {
            ImageShape viewShape = pipeline.viewShape();
            SimClrNetwork network = parts.network(viewShape);
            Pretrainer.initialize(network, manager, viewShape, config.seed());
            if (resumeFrom == null) {
                AtomicFiles.write(folder.file(RunFolder.INITIAL_ENCODER), o -> network.encoder().saveParameters(new DataOutputStream(o)));
            }
            out.println("model:      " + config.encoder().name() + " (" + network.featureSize() + " features) + "
                    + config.head().name() + " head (" + network.projectionSize() + "), " + countParameters(network) + " parameters; views "
                    + viewShape);
            Pretrainer trainer = new Pretrainer(backend, network, loss, config.train(), config.seed())
                    .withCheckpoints(checkpointStore(folder, config))
                    .stoppedBy(graceful.signal());
            if (resumeFrom != null) {
                trainer.resumingFrom(resumeFrom);
                Map<String, Object> marker = new LinkedHashMap<>();
                marker.put("type", "resume");
                marker.put("step", resumeFrom.globalStep());
                marker.put("checkpoint", resumeFrom.displayName());
                metrics.write(marker);
            }
            KnnMonitor knn = knnEvery > 0
                    ? new KnnMonitor(new FeatureExtractor(backend, manager, Components.evaluationTransform(ops)), data.probeTrain, data.test, config.seed())
                    : null;
            int logEvery = config.train().getInt("log-every");
            Pretrainer.StepListener observer = this.observer;
            PretrainResult result;
            try {
                result = trainer.run(manager, pipeline, data.train.size(), new Pretrainer.StepListener() {
                    @Override
                    public void onStep(StepMetrics s) {
                        if (s.step() % logEvery == 0) {
                            metrics.write(s.toJson());
                        }
                        if (observer != null) {
                            observer.onStep(s);
                        }
                    }

                    @Override
                    public void onEpoch(EpochMetrics e) {
                        metrics.write(e.toJson());
                        if (knn != null && (e.epoch() + 1) % knnEvery == 0) {
                            double top1 = knn.top1(network.encoder(), network.featureSize());
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("type", "knn");
                            line.put("epoch", e.epoch());
                            line.put("step", e.step());
                            line.put("top1", top1);
                            line.put("k", KnnMonitor.K);
                            metrics.write(line);
                            out.printf("%nkNN top-1 after epoch %d: %.2f%%%n", e.epoch() + 1, 100 * top1);
                        }
                        writeCurves(folder);
                        if (observer != null) {
                            observer.onEpoch(e);
                        }
                    }
                }, progress());
            } finally {
                writeCurves(folder);
            }
            if (result.stopped()) {
                Checkpoint c = result.lastCheckpoint();
                out.println("stopped after " + result.steps() + " steps" + (c != null ? "; checkpoint " + c.displayName() : "")
                        + ". Continue with: simclr run --resume " + folder.dir());
                out.flush();
                return new RunOutcome(folder.dir(), result, Map.of());
            }
            graceful.close();
            out.printf("pre-training: %d steps in %.1f s, %.1f images/s, loss %.4f -> %.4f, data wait %.1f%%%n",
                    result.steps(), result.seconds(), result.samplesPerSecond(), result.firstLoss(), result.lastLoss(),
                    100 * result.dataWaitFraction());
            saveParameters(network, folder);
            Map<String, Map<String, Object>> results = evaluate(parts, backend, manager, network, data, ops, folder, folder.dir(), resolved);
            return new RunOutcome(folder.dir(), result, results);
        }
    }

    private static void requireKnnData(RunConfig config, Datasets data) {
        if (config.train().getInt("knn-every") > 0 && (data.test == null || !data.probeTrain.labeled() || !data.test.labeled())) {
            throw new IllegalArgumentException("train.knn-every needs labelled data.test and labelled probe-training data "
                    + "(data.probe-train, or a labelled data.train); add them or set train.knn-every: 0");
        }
    }

    private static void requireTraining(Backend backend) {
        if (!backend.canTrain()) {
            throw new IllegalStateException("backend '" + backend.name() + "' cannot pre-train (no autograd and no training ops in its DJL engine); "
                    + "pre-train with backend: pytorch, then run `simclr evaluate RUNDIR --backend " + backend.name() + "`");
        }
        if (backend.devices().size() > 1) {
            // the loss side is ready (dev.simclr.loss.GlobalBatch gathers projections across devices),
            // the data-parallel step is not: refuse rather than silently train on one device
            throw new IllegalStateException("backend.devices: pre-training on " + backend.devices().size()
                    + " devices is not supported yet; set backend.devices: 1 (one GPU) or device: cpu");
        }
    }

    private static CheckpointStore checkpointStore(RunFolder folder, RunConfig config) {
        return new CheckpointStore(folder.file(RunFolder.CHECKPOINTS), config.train().getInt("keep-checkpoints"));
    }

    /** The curves are a convenience: a failure to draw them never fails the run. */
    private void writeCurves(RunFolder folder) {
        try {
            TrainingCurves.write(folder.dir());
        } catch (IOException | RuntimeException e) {
            out.println("could not draw the training curves: " + e.getMessage());
        }
    }

    /**
     * Evaluates a finished run again without pre-training; {@code override} (may be null) edits
     * the run's config tree first, e.g. to evaluate on another backend.
     */
    public RunOutcome evaluate(Path runDir, java.util.function.Consumer<Map<String, Object>> override) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        RunConfig config = loadConfig(folder, override);
        Components parts = new Components(registry, config);
        requireTrainedEncoder(folder);
        try (Backend backend = parts.backend()) {
            Datasets data = openData(parts);
            List<Augmentation> ops = parts.augmentations();
            // a new folder per re-evaluation: the run's own results are never overwritten
            String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path outDir = folder.file(RunFolder.EVALUATIONS).resolve(stamp + "-" + backend.name());
            for (int i = 2; Files.exists(outDir); i++) {
                outDir = folder.file(RunFolder.EVALUATIONS).resolve(stamp + "-" + backend.name() + "-" + i);
            }
            Files.createDirectories(outDir);
            AtomicFiles.writeString(outDir.resolve(RunFolder.CONFIG), ConfigLoader.toYaml(config.toTree()));
            out.println("re-evaluating " + runDir + " on " + backend.describe());
            out.println("results go to " + outDir);
            try (NDManager manager = backend.newManager()) {
                SimClrNetwork network = loadTrained(parts, manager, data.train.shape(), ops, folder);
                Map<String, Map<String, Object>> results = evaluate(parts, backend, manager, network, data, ops, folder, outDir, config.toTree());
                return new RunOutcome(outDir, null, results);
            }
        }
    }

    /**
     * Encoder features of a dataset under a finished run's encoder: by default the run's test data
     * (or its training data when it has none); {@code override} (may be null) edits the
     * run's config tree first, e.g. another {@code data.test} or backend.
     */
    public Features embed(Path runDir, java.util.function.Consumer<Map<String, Object>> override) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        RunConfig config = loadConfig(folder, override);
        Components parts = new Components(registry, config);
        try (Backend backend = parts.backend(); NDManager manager = backend.newManager()) {
            requireTrainedEncoder(folder);
            ImageDataset train = parts.dataset(config.trainData());
            ImageDataset target = config.testData() != null ? parts.dataset(config.testData()) : train;
            List<Augmentation> ops = parts.augmentations();
            SimClrNetwork network = loadTrained(parts, manager, train.shape(), ops, folder);
            FeatureExtractor extractor = new FeatureExtractor(backend, manager, Components.evaluationTransform(ops));
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

    /** A run folder's config.yaml, edited by {@code override} (may be null), validated. */
    private RunConfig loadConfig(RunFolder folder, java.util.function.Consumer<Map<String, Object>> override) throws IOException {
        Map<String, Object> tree = ConfigLoader.read(folder.file(RunFolder.CONFIG));
        if (override != null) {
            override.accept(tree);
        }
        return validate(tree);
    }

    private static void requireTrainedEncoder(RunFolder folder) {
        if (!Files.isRegularFile(folder.file(RunFolder.ENCODER))) {
            throw new IllegalArgumentException(folder.dir() + " has no trained encoder (" + RunFolder.ENCODER + "): did its pre-training finish?");
        }
    }

    /** The trained network of a run folder, loaded into {@code manager}. */
    public SimClrNetwork loadTrained(Components parts, NDManager manager, ImageShape dataShape, List<Augmentation> ops, RunFolder folder) throws IOException {
        return inferenceNetwork(parts, manager, Components.shapeAfter(ops, dataShape), folder.file(RunFolder.ENCODER));
    }

    /**
     * A frozen network (inference only: engines without autograd accept it) with the encoder
     * parameters of {@code encoderParams}, or initialised with the run's seed when that is null.
     */
    private static SimClrNetwork inferenceNetwork(Components parts, NDManager manager, ImageShape viewShape, Path encoderParams) throws IOException {
        SimClrNetwork network = parts.network(viewShape);
        network.freezeParameters(true);
        Pretrainer.initialize(network, manager, viewShape, parts.config().seed());
        if (encoderParams != null) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(encoderParams));
                    DataInputStream din = new DataInputStream(in)) {
                network.encoder().loadParameters(manager, din);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException(encoderParams + " does not match the encoder in " + RunFolder.CONFIG + ": " + e.getMessage(), e);
            }
        }
        return network;
    }

    private Map<String, Map<String, Object>> evaluate(Components parts, Backend backend, NDManager manager, SimClrNetwork trained,
            Datasets data, List<Augmentation> ops, RunFolder folder, Path outDir, Map<String, Object> resolved) throws IOException {
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
        FeatureExtractor extractor = new FeatureExtractor(backend, manager, Components.evaluationTransform(ops));
        // the random-init baseline is the encoder pre-training started from, saved at the start of
        // the run, so it is the same on every backend (engines draw different random numbers)
        Path initial = folder.file(RunFolder.INITIAL_ENCODER);
        RunEvaluationContext ctx = new RunEvaluationContext(folder.dir(), outDir, config.seed(), backend, splits, trained, () -> {
            try {
                return inferenceNetwork(parts, manager, viewShape, Files.isRegularFile(initial) ? initial : null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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
            AtomicFiles.writeString(outDir.resolve(RunFolder.RESULTS), Json.pretty(results));
        }
        printResults(results);
        return results;
    }

    private void printResults(Map<String, Map<String, Object>> results) {
        out.println();
        out.printf("%-34s %8s %16s %8s%n", "evaluation", "top1", "95% interval", "top5");
        for (Map.Entry<String, Map<String, Object>> e : results.entrySet()) {
            Object t1 = e.getValue().get("top1");
            Object t5 = e.getValue().get("top5");
            if (t1 instanceof Number || t5 instanceof Number) {
                out.printf("%-34s %8s %16s %8s%n", e.getKey(), pct(t1), interval(e.getValue().get("top1_ci"), "%.2f"), pct(t5));
            }
        }
        // an evaluator's "differences": trained encoder minus each baseline, {top1, top1_ci} as fractions
        results.forEach((row, m) -> {
            if (m.get("differences") instanceof Map<?, ?> d) {
                d.forEach((baseline, v) -> {
                    if (v instanceof Map<?, ?> diff && diff.get("top1") instanceof Number n) {
                        out.printf("%s: SimCLR - %s: %+.1f points %s%n", row, String.valueOf(baseline).replace('-', ' '),
                                100 * n.doubleValue(), interval(diff.get("top1_ci"), "%+.1f"));
                    }
                });
            }
        });
    }

    private static String pct(Object v) {
        return v instanceof Number n ? String.format("%.2f%%", 100 * n.doubleValue()) : "-";
    }

    /** A [lo, hi] pair of fractions as percent, or "-". */
    private static String interval(Object v, String format) {
        return v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number lo && l.get(1) instanceof Number hi
                ? "[" + String.format(format, 100 * lo.doubleValue()) + ", " + String.format(format, 100 * hi.doubleValue()) + "]"
                : "-";
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
