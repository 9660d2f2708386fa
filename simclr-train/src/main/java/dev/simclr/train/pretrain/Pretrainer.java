package dev.simclr.train.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageShape;
import dev.simclr.api.LossResult;
import dev.simclr.api.Params;
import dev.simclr.api.Progress;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.checkpoint.TrainingState;
import dev.simclr.train.gradcache.GradientCache;
import dev.simclr.train.gradcache.Passes;
import dev.simclr.train.optim.LrSchedule;
import dev.simclr.train.optim.Optimizers;
import dev.simclr.train.optim.StatefulOptimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The SimCLR pre-training loop (paper, Algorithm 1): for each minibatch, two augmented views per
 * image, projections of both, NT-Xent over the 2B projections, backward, optimizer step. The next
 * batch is augmented while the engine computes the current one.
 *
 * <p>Batch norm: {@code per-view} runs the encoder twice on B images (as the reference tutorial);
 * {@code joint} runs it once on all 2B (the paper's global BN on one device). {@code pass-size}
 * splits each of those passes further into chunks of that many images.
 */
public final class Pretrainer {

    private final Backend backend;
    private final SimClrNetwork network;
    private final ContrastiveLoss loss;
    private final Params train;
    private final long seed;
    private CheckpointStore checkpoints;
    private Checkpoint resumeFrom;
    private StopSignal stop = new StopSignal();

    public Pretrainer(Backend backend, SimClrNetwork network, ContrastiveLoss loss, Params train, long seed) {
        if (!backend.canTrain()) {
            throw new IllegalStateException("backend '" + backend.name() + "' cannot train (" + backend.describe()
                    + "); pre-train with backend: pytorch, then evaluate on " + backend.name());
        }
        this.backend = backend;
        this.network = network;
        this.loss = loss;
        this.train = train;
        this.seed = seed;
    }

    /** Steps per epoch for a dataset of {@code n} images: full batches only (drop_last). */
    public static long stepsPerEpoch(int n, int batch) {
        return n / batch;
    }

    /**
     * Initialises the network's parameters with the run's seed (same seed, same weights).
     */
    public static void initialize(SimClrNetwork network, NDManager manager, ImageShape shape, long seed) {
        Engine engine = manager.getEngine();
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        network.initialize(manager, DataType.FLOAT32, new Shape(2, shape.channels(), shape.height(), shape.width()));
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
        int batch = train.getInt("batch-size");
        int epochs = train.getInt("epochs");
        long perEpoch = stepsPerEpoch(datasetSize, batch);
        if (perEpoch == 0) {
            throw new IllegalArgumentException("train.batch-size " + batch + " is larger than the pre-training data (" + datasetSize
                    + " images); lower train.batch-size or use more data");
        }
        long maxSteps = train.getInt("max-steps") > 0 ? train.getInt("max-steps") : Long.MAX_VALUE;
        long totalSteps = Math.min(perEpoch * epochs, maxSteps);
        LrSchedule schedule = LrSchedule.of(train, perEpoch, totalSteps);
        StatefulOptimizer optimizer = Optimizers.create(train, schedule, network);
        TrainingState state = TrainingState.start();
        if (resumeFrom != null) {
            try {
                state = CheckpointStore.restore(resumeFrom, network, optimizer);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + resumeFrom.file() + ": " + e.getMessage(), e);
            }
            if (state.stepInEpoch() > perEpoch || state.epoch() * perEpoch + state.stepInEpoch() != state.globalStep()) {
                throw new IllegalArgumentException(resumeFrom.file() + " stands at epoch " + (state.epoch() + 1) + ", step "
                        + state.stepInEpoch() + " of the epoch, which does not fit " + perEpoch
                        + " steps per epoch; resume with the run's own data and train.batch-size");
            }
        }
        ParameterStore ps = new ParameterStore(manager, false);
        List<Parameter> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
        ImageShape shape = pipeline.viewShape();
        boolean perView = "per-view".equals(train.getString("batch-norm"));
        Passes passes = Passes.of(2 * batch, perView ? batch : 2 * batch, train.getInt("pass-size"));
        boolean gradientCache = train.getBool("gradient-cache");
        int everyEpochs = train.getInt("checkpoint-every");
        int everySteps = train.getInt("checkpoint-every-steps");
        Device device = backend.devices().get(0);

        List<Double> epochLosses = new ArrayList<>(state.epochLosses());
        long step = state.globalStep();
        long startStep = step;
        double firstLoss = state.firstLoss();
        double lastLoss = state.lastLoss();
        long startNanos = System.nanoTime();
        double waitTotal = 0;
        boolean stopped = false;
        Checkpoint saved = resumeFrom;
        // the first batch of the next epoch, prepared while the engine computes this epoch's last step
        Future<TwoViewBatch> carried = null;
        try (Progress progress = progressFactory.apply("pre-training", totalSteps)) {
            if (step > 0) {
                progress.update(step, "resumed at epoch " + (state.epoch() + 1) + ", step " + step);
            }
            for (int epoch = state.epoch(); epoch < epochs && step < maxSteps && !stopped; epoch++) {
                boolean resumedEpoch = epoch == state.epoch();
                long firstInEpoch = resumedEpoch ? state.stepInEpoch() : 0;
                double epochLossSum = resumedEpoch ? state.epochLossSum() : 0;
                Map<String, Double> epochMetricSums = resumedEpoch ? new LinkedHashMap<>(state.epochMetricSums()) : new LinkedHashMap<>();
                int epochSteps = resumedEpoch ? state.epochSteps() : 0;
                if (firstInEpoch >= perEpoch) {
                    continue;
                }
                int[] order = shuffled(datasetSize, seed, epoch);
                long epochStart = System.nanoTime();
                Future<TwoViewBatch> next = carried != null ? carried : pipeline.submit(epoch, slice(order, (int) (firstInEpoch * batch), batch));
                carried = null;
                long s = firstInEpoch;
                while (s < perEpoch && step < maxSteps) {
                    long t0 = System.nanoTime();
                    TwoViewBatch views = await(next);
                    double wait = (System.nanoTime() - t0) / 1e9;
                    waitTotal += wait;
                    next = s + 1 < perEpoch && step + 1 < maxSteps ? pipeline.submit(epoch, slice(order, (int) ((s + 1) * batch), batch)) : null;
                    if (next == null && s + 1 == perEpoch && epoch + 1 < epochs && step + 1 < maxSteps) {
                        carried = pipeline.submit(epoch + 1, slice(shuffled(datasetSize, seed, epoch + 1), 0, batch));
                    }
                    double lr = schedule.at(step);
                    double value;
                    Map<String, Double> metrics;
                    try (NDManager sm = manager.newSubManager(device)) {
                        NDArray x = sm.create(views.data(), new Shape(2L * batch, shape.channels(), shape.height(), shape.width()));
                        views.release();
                        LossResult r;
                        if (gradientCache) {
                            r = GradientCache.step(ps, network, loss, x, passes);
                        } else {
                            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                                NDArray z = project(ps, x, passes);
                                r = loss.compute(z);
                                gc.backward(r.loss());
                            }
                        }
                        value = r.loss().getFloat();
                        metrics = r.metrics();
                        if (!Double.isFinite(value)) {
                            if (next != null) {
                                next.cancel(false);
                            }
                            if (carried != null) {
                                carried.cancel(false);
                            }
                            throw diverged("the loss became " + value, epoch, step, lr, saved);
                        }
                        try (NDScope scope = new NDScope()) {
                            scope.suppressNotUsedWarning();
                            for (Parameter p : trainable) {
                                NDArray w = p.getArray();
                                NDArray g = w.getGradient();
                                optimizer.update(p.getId(), w, g);
                                g.subi(g);
                            }
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (Double.isNaN(firstLoss)) {
                        firstLoss = value;
                    }
                    lastLoss = value;
                    epochLossSum += value;
                    for (Map.Entry<String, Double> e : metrics.entrySet()) {
                        epochMetricSums.merge(e.getKey(), e.getValue(), Double::sum);
                    }
                    epochSteps++;
                    log.onStep(new StepMetrics(epoch, step, value, lr, metrics, seconds, wait, batch));
                    step++;
                    s++;
                    progress.update(step, String.format("epoch %d/%d loss %.4f %.1f img/s", epoch + 1, epochs, value, batch / seconds));
                    boolean midEpoch = s < perEpoch && step < maxSteps;
                    if (midEpoch && (stop.requested() || (everySteps > 0 && step % everySteps == 0))) {
                        saved = save(optimizer, new TrainingState(epoch, s, step, epochLossSum, epochMetricSums, epochSteps, epochLosses,
                                firstLoss, lastLoss), epoch, step, lr, saved);
                        if (stop.requested()) {
                            stopped = true;
                            break;
                        }
                    }
                }
                if (next != null) {
                    await(next).release();
                }
                if (stopped) {
                    break;
                }
                boolean epochDone = s == perEpoch;
                if (!epochDone && carried != null) {
                    await(carried).release();
                    carried = null;
                }
                // an epoch cut short by max-steps has no epoch line: its mean would not be an epoch's
                if (epochDone && epochSteps > 0) {
                    double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                    Map<String, Double> means = new LinkedHashMap<>();
                    for (Map.Entry<String, Double> e : epochMetricSums.entrySet()) {
                        means.put(e.getKey(), e.getValue() / epochSteps);
                    }
                    epochLosses.add(epochLossSum / epochSteps);
                    log.onEpoch(new EpochMetrics(epoch, step, epochLossSum / epochSteps, means, epochSeconds, (long) epochSteps * batch));
                }
                boolean last = epoch + 1 >= epochs || step >= maxSteps;
                boolean due = epochDone && ((everyEpochs > 0 && (epoch + 1) % everyEpochs == 0) || (everySteps > 0 && step % everySteps == 0));
                if (due || last || stop.requested()) {
                    TrainingState position = epochDone
                            ? new TrainingState(epoch + 1, 0, step, 0.0, Map.of(), 0, epochLosses, firstLoss, lastLoss)
                            : new TrainingState(epoch, s, step, epochLossSum, epochMetricSums, epochSteps, epochLosses, firstLoss, lastLoss);
                    if (saved == null || saved.globalStep() != step) {
                        saved = save(optimizer, position, epoch, step, schedule.at(Math.max(0, step - 1)), saved);
                    }
                    stopped = stop.requested();
                }
            }
        }
        if (carried != null) {
            // stopped between epochs: the prepared batch is not needed
            await(carried).release();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long done = step - startStep;
        return new PretrainResult(step, epochLosses, firstLoss, lastLoss, seconds, seconds > 0 ? done * (double) batch / seconds : 0.0,
                seconds > 0 ? waitTotal / seconds : 0.0, stopped, saved);
    }

    /** Writes a checkpoint when checkpoints are on; a run whose parameters are no longer finite stops here. */
    private Checkpoint save(StatefulOptimizer optimizer, TrainingState state, int epoch, long step, double lr, Checkpoint previous) {
        if (checkpoints == null) {
            return previous;
        }
        try {
            return checkpoints.save(network, optimizer, state);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint into " + checkpoints.dir() + ": " + e.getMessage()
                    + (previous == null ? "" : " The last checkpoint, " + previous.displayName() + ", is intact: once the run folder"
                    + " has room, continue with: simclr run --resume " + checkpoints.dir().getParent()), e);
        } catch (CheckpointStore.NonFiniteParametersException e) {
            throw diverged("the parameters became NaN or infinite (" + e.parameter() + ")", epoch, step - 1, lr, previous);
        }
    }

    private DivergedException diverged(String what, int epoch, long step, double lr, Checkpoint lastGood) {
        String keep = lastGood == null
                ? "No checkpoint had been written yet; lower train.lr and start again."
                : "The last good checkpoint is kept: " + lastGood.displayName() + " (after " + lastGood.globalStep()
                        + " steps); lower train.lr and continue from it with --resume RUNDIR --set train.lr=..., or start again.";
        return new DivergedException(what + " at epoch " + (epoch + 1) + ", step " + (step + 1) + " (lr " + lr + "). " + keep
                + " If it happens again, check the data and augmentations.", lastGood);
    }

    /** Projections of all 2B views, in the order view 1 then view 2, one encoder pass per range. */
    private NDArray project(ParameterStore ps, NDArray x, Passes passes) {
        if (passes.count() == 1) {
            // one pass: no concat (DJL's concat of a single array drops the autograd history)
            return network.forward(ps, new NDList(x), true).singletonOrThrow();
        }
        NDList parts = new NDList();
        for (int i = 0; i < passes.count(); i++) {
            NDArray slice = x.get(new NDIndex("{}:{}", passes.starts()[i], passes.ends()[i]));
            parts.add(network.forward(ps, new NDList(slice), true).singletonOrThrow());
        }
        return NDArrays.concat(parts);
    }

    /** Seeded shuffle of 0..n-1 for an epoch (Fisher-Yates). */
    static int[] shuffled(int n, long seed, int epoch) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] slice(int[] order, int from, int len) {
        int[] out = new int[len];
        System.arraycopy(order, from, out, 0, len);
        return out;
    }

    private static TwoViewBatch await(Future<TwoViewBatch> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("augmentation failed: " + c, c);
        }
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
