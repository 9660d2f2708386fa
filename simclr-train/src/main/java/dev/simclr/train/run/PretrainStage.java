package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.optim.LrSchedule;
import dev.simclr.train.pretrain.MetricsLog;
import dev.simclr.train.pretrain.PretrainResult;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Pre-training, fresh or resumed from a run folder's newest checkpoint, then the evaluation
 * stage. Everything that can be checked is checked before the run folder is made: the config,
 * the backend, the data, and what only the training step can refuse.
 */
final class PretrainStage {

    private final PrintStream out;
    private final BiFunction<String, Long, Progress> progress;
    private final Pretrainer.StepListener observer;

    PretrainStage(PrintStream out, BiFunction<String, Long, Progress> progress, Pretrainer.StepListener observer) {
        this.out = out;
        this.progress = progress;
        this.observer = observer;
    }

    RunOutcome start(Components parts, Path outDir, boolean force) throws IOException, InterruptedException {
        RunConfig config = parts.config();
        Path dir = RunFolder.choose(outDir, config.output().getString("dir"), config.output().getString("name", null), force);
        try (Backend backend = parts.backend()) {
            RunData data = openFor(parts, backend);
            List<Augmentation> ops = parts.augmentations();
            preflight(parts, backend, ops, data.train());
            try (RunLock lock = RunLock.acquire(dir)) {
                RunFolder folder = RunFolder.create(dir, force);
                Map<String, Object> resolved = parts.config().toTree(); // after the backend started: records what auto picked
                AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ConfigLoader.toYaml(resolved));
                out.println("run folder: " + folder.dir());
                return pretrainAndEvaluate(parts, backend, data, ops, folder, resolved, null);
            }
        }
    }

    /**
     * Everything {@link #start} checks before it makes the run folder, and nothing more: starts the
     * backend, opens the data, makes the model, loss and training step once.
     *
     * @return what the run would train with, as the run's console lines say it
     */
    static List<String> check(Components parts) throws IOException {
        try (Backend backend = parts.backend()) {
            RunData data = openFor(parts, backend);
            preflight(parts, backend, parts.augmentations(), data.train());
            return List.of("backend:    " + backend.describe(), "data:       " + data.describe());
        }
    }

    /** Refuses a backend that cannot train, then opens the run's data and checks it for the kNN monitor. */
    private static RunData openFor(Components parts, Backend backend) throws IOException {
        Pretrainer.requireTraining(backend);
        RunData data = RunData.open(parts);
        data.requireKnnData(parts.train().knnEvery());
        return data;
    }

    /** Makes the model, loss and training step once without running anything, so that a setting only they can refuse stops the run before its folder exists. */
    private static void preflight(Components parts, Backend backend, List<Augmentation> ops, ImageDataset train) {
        TrainSettings t = parts.train();
        long perEpoch = t.stepsPerEpoch(train.size());
        ImageShape viewShape = Components.shapeAfter(ops, train.shape());
        SimClrNetwork network = parts.network(viewShape);
        LrSchedule schedule = LrSchedule.of(t, perEpoch, t.totalSteps(perEpoch));
        try (ContrastiveLoss loss = parts.loss(); NDManager manager = backend.newManager();
                TrainingStep step = Pretrainer.step(backend, manager, network, loss, viewShape, t, schedule)) {
            // made once, unused: making it is the check
        }
    }

    RunOutcome resume(Components parts, RunFolder folder, List<String> overrides) throws IOException, InterruptedException {
        Checkpoint latest = checkpoints(folder, parts.train()).latestIntact(out).orElseThrow(() -> new IllegalArgumentException(
                folder.dir() + " has no checkpoint to resume from (" + RunFolder.CHECKPOINTS + "/ is empty, or holds only damaged ones):"
                        + " it stopped before its first checkpoint. Start it again with --force, or lower train.checkpoint-every-steps next time."));
        try (Backend backend = parts.backend()) {
            RunData data = openFor(parts, backend);
            List<Augmentation> ops = parts.augmentations();
            Map<String, Object> resolved = parts.config().toTree();
            if (overrides != null && !overrides.isEmpty()) {
                AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ConfigLoader.toYaml(resolved));
                out.println("changed:    " + String.join(", ", overrides));
            }
            out.println("run folder: " + folder.dir());
            out.println("resuming:   from " + latest.displayName() + " (" + latest.globalStep() + " steps done)");
            return pretrainAndEvaluate(parts, backend, data, ops, folder, resolved, latest);
        }
    }

    private RunOutcome pretrainAndEvaluate(Components parts, Backend backend, RunData data, List<Augmentation> ops, RunFolder folder,
            Map<String, Object> resolved, Checkpoint resumeFrom) throws IOException, InterruptedException {
        RunConfig config = parts.config();
        TrainSettings train = parts.train();
        out.println("backend:    " + backend.describe());
        out.println("data:       " + data.describe());
        try (NDManager manager = backend.newManager();
                TwoViewPipeline pipeline = new TwoViewPipeline(data.train(), ops, train.workers(), config.seed());
                MetricsLog metrics = new MetricsLog(folder.file(RunFolder.METRICS));
                ContrastiveLoss loss = parts.loss();
                GracefulStop graceful = new GracefulStop(out).install()) {
            SimClrNetwork network = network(parts, manager, pipeline.viewShape(), folder, resumeFrom);
            Pretrainer trainer = new Pretrainer(backend, network, loss, train, config.seed())
                    .withCheckpoints(checkpoints(folder, train))
                    .stoppedBy(graceful.signal());
            if (resumeFrom != null) {
                trainer.resumingFrom(resumeFrom);
                metrics.write(resumeMarker(resumeFrom));
            }
            KnnMonitor knn = train.knnEvery() > 0
                    ? new KnnMonitor(new FeatureExtractor(backend, manager, Components.evaluationTransform(ops)), data.probeTrain(), data.test(),
                            config.seed())
                    : null;
            RunLog log = new RunLog(metrics, folder, out, train.logEvery(), train.knnEvery(), knn, network, observer);
            PretrainResult result;
            try {
                result = trainer.run(manager, pipeline, data.train().size(), log, progress);
            } finally {
                log.writeCurves();
            }
            if (result.stopped()) {
                return stopped(folder, result);
            }
            graceful.close();
            out.printf("pre-training: %d steps in %.1f s, %.1f images/s, loss %.4f -> %.4f, data wait %.1f%%%n",
                    result.steps(), result.seconds(), result.samplesPerSecond(), result.firstLoss(), result.lastLoss(),
                    100 * result.dataWaitFraction());
            TrainedModels.saveTrained(network, folder);
            PortableExport.afterTraining(config, network, folder, out);
            Map<String, Map<String, Object>> results = new Evaluations(out, progress)
                    .run(parts, backend, manager, network, data, ops, folder, folder.dir(), resolved);
            return new RunOutcome(folder.dir(), result, results);
        }
    }

    /** The network initialised with the run's seed; a fresh run saves it as the random-init baseline. */
    private SimClrNetwork network(Components parts, NDManager manager, ImageShape viewShape, RunFolder folder, Checkpoint resumeFrom)
            throws IOException {
        RunConfig config = parts.config();
        SimClrNetwork network = parts.network(viewShape);
        Pretrainer.initialize(network, manager, viewShape, config.seed());
        if (resumeFrom == null) {
            Path init = TrainedModels.startFromInit(parts, network);
            if (init != null) {
                out.println("encoder:    starts from " + init);
            }
            TrainedModels.saveInitial(network, folder);
        }
        out.println("model:      " + config.encoder().name() + " (" + network.featureSize() + " features) + "
                + config.head().name() + " head (" + network.projectionSize() + "), " + TrainedModels.countParameters(network)
                + " parameters; views " + viewShape);
        return network;
    }

    private RunOutcome stopped(RunFolder folder, PretrainResult result) {
        Checkpoint c = result.lastCheckpoint();
        out.println("stopped after " + result.steps() + " steps" + (c != null ? "; checkpoint " + c.displayName() : "")
                + ". Continue with: simclr run --resume " + folder.dir());
        out.flush();
        return new RunOutcome(folder.dir(), result, Map.of());
    }

    private static Map<String, Object> resumeMarker(Checkpoint from) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("type", "resume");
        marker.put("step", from.globalStep());
        marker.put("checkpoint", from.displayName());
        return marker;
    }

    static CheckpointStore checkpoints(RunFolder folder, TrainSettings train) {
        return new CheckpointStore(folder.file(RunFolder.CHECKPOINTS), train.keepCheckpoints());
    }
}
