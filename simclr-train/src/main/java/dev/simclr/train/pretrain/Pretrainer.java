package dev.simclr.train.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.checkpoint.TrainingState;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.optim.LrSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * The SimCLR pre-training loop (paper, Algorithm 1), engine-neutral: for each minibatch two
 * augmented views per image, prepared while the engine computes the batch before, go to the
 * backend's {@link TrainingStep} (projections, NT-Xent over the 2B projections, backward,
 * optimizer step). The loop owns the data order, the schedule, the guards and the checkpoints.
 *
 * <p>Batch norm: {@code per-view} runs the encoder twice on B images (as the reference tutorial);
 * {@code joint} runs it once on all 2B (the paper's global BN on one device). {@code pass-size}
 * splits each of those passes further into chunks of that many images.
 */
public final class Pretrainer {

    private final Backend backend;
    private final SimClrNetwork network;
    private final ContrastiveLoss loss;
    private final TrainSettings train;
    private final long seed;
    private CheckpointStore checkpoints;
    private Checkpoint resumeFrom;
    private StopSignal stop = new StopSignal();

    public Pretrainer(Backend backend, SimClrNetwork network, ContrastiveLoss loss, TrainSettings train, long seed) {
        requireTraining(backend);
        this.backend = backend;
        this.network = network;
        this.loss = loss;
        this.train = train;
        this.seed = seed;
    }

    /** Refuses, before any work, a backend that cannot pre-train as configured. */
    public static void requireTraining(Backend backend) {
        if (!backend.canTrain()) {
            throw new IllegalStateException("backend '" + backend.name() + "' cannot pre-train (no autograd and no training ops in its DJL engine); "
                    + "pre-train with backend: pytorch, then run `simclr evaluate RUNDIR --backend " + backend.name() + "`");
        }
    }

    /**
     * Initialises the network's parameters with the run's seed (same seed and engine, same
     * weights). On an engine whose arrays take no gradients (TensorFlow, whose training step
     * trains a graph of its own) the network is frozen first, so that its arrays can be made.
     */
    public static void initialize(SimClrNetwork network, NDManager manager, ImageShape shape, long seed) {
        Engine engine = manager.getEngine();
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        if (!takesGradients(manager)) {
            network.freezeParameters(true);
        }
        network.initialize(manager, DataType.FLOAT32, new Shape(2, shape.channels(), shape.height(), shape.width()));
    }

    private static boolean takesGradients(NDManager manager) {
        try (NDManager probe = manager.newSubManager()) {
            probe.create(0f).setRequiresGradient(true);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * The backend's training step for {@code network} with these settings and {@code schedule};
     * making it refuses settings only the step can check (e.g. the optimizer's).
     */
    public static TrainingStep step(Backend backend, NDManager manager, SimClrNetwork network, ContrastiveLoss loss, ImageShape viewShape,
            TrainSettings train, LrSchedule schedule) {
        return backend.trainingStep(new TrainingSetup(manager, network, loss, viewShape, train.batchSize(), train.perViewBatchNorm(),
                train.passSize(), train.gradientCache(), train.optimizerSettings(schedule), train.precision()));
    }

    /** Writes checkpoints into {@code store} (every {@code train.checkpoint-every} epochs, every {@code train.checkpoint-every-steps} steps, at a stop and at the end). */
    public Pretrainer withCheckpoints(CheckpointStore store) {
        this.checkpoints = store;
        return this;
    }

    /** Continues from a checkpoint of a run with the same config instead of starting afresh. */
    public Pretrainer resumingFrom(Checkpoint checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Stops (after a checkpoint) at the next step boundary once {@code signal} is requested. */
    public Pretrainer stoppedBy(StopSignal signal) {
        this.stop = signal;
        return this;
    }

    /**
     * Runs pre-training.
     *
     * @param pipeline the two-view pipeline over the pre-training data
     * @param log receives one {@link StepMetrics} per step (and decides what to write)
     * @param progressFactory makes the progress display for the run, given the total steps
     * @return summary of the run
     */
    public PretrainResult run(NDManager manager, TwoViewPipeline pipeline, int datasetSize, StepListener log,
            BiFunction<String, Long, Progress> progressFactory) throws InterruptedException {
        long perEpoch = train.stepsPerEpoch(datasetSize);
        long totalSteps = train.totalSteps(perEpoch);
        LrSchedule schedule = LrSchedule.of(train, perEpoch, totalSteps);
        try (TrainingStep trainer = step(backend, manager, network, loss, pipeline.viewShape(), train, schedule)) {
            TrainingState state = resumeFrom == null ? TrainingState.start() : resume(trainer, perEpoch);
            BatchFeed feed = new BatchFeed(pipeline, datasetSize, train.batchSize(), seed, train.epochs(), perEpoch, train.stepLimit());
            PretrainLoop loop = new PretrainLoop(trainer, train, schedule, feed, checkpoints, stop, log, perEpoch, state, resumeFrom);
            try (Progress progress = progressFactory.apply("pre-training", totalSteps)) {
                return loop.run(state, progress);
            }
        }
    }

    /** Restores the checkpoint into the step; refuses one whose position does not fit this run's epochs. */
    private TrainingState resume(TrainingStep trainer, long perEpoch) {
        TrainingState state;
        try {
            state = CheckpointStore.restore(resumeFrom, trainer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + resumeFrom.file() + ": " + e.getMessage(), e);
        }
        if (state.stepInEpoch() > perEpoch || state.epoch() * perEpoch + state.stepInEpoch() != state.globalStep()) {
            throw new IllegalArgumentException(resumeFrom.file() + " stands at epoch " + (state.epoch() + 1) + ", step "
                    + state.stepInEpoch() + " of the epoch, which does not fit " + perEpoch
                    + " steps per epoch; resume with the run's own data and train.batch-size");
        }
        return state;
    }

    /** Receives metrics as the run goes. */
    public interface StepListener {
        void onStep(StepMetrics step);

        void onEpoch(EpochMetrics epoch);
    }

    /** A stop for a diverged run: NaN or infinite loss. */
    public static final class DivergedException extends RuntimeException {
        private final transient Checkpoint lastGood;

        public DivergedException(String message, Checkpoint lastGood) {
            super(message);
            this.lastGood = lastGood;
        }

        /** The newest checkpoint written before the run diverged, or null. */
        public Checkpoint lastGood() {
            return lastGood;
        }
    }
}
