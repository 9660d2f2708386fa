package dev.simclr.train.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageShape;
import dev.simclr.api.LossResult;
import dev.simclr.api.Params;
import dev.simclr.api.Progress;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.train.optim.LrSchedule;
import dev.simclr.train.optim.Optimizers;
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
        Optimizer optimizer = Optimizers.create(train, schedule, network);
        ParameterStore ps = new ParameterStore(manager, false);
        List<Parameter> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
        ImageShape shape = pipeline.viewShape();
        boolean perView = "per-view".equals(train.getString("batch-norm"));
        int passSize = train.getInt("pass-size");
        Device device = backend.devices().get(0);

        List<Double> epochLosses = new ArrayList<>();
        long step = 0;
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        long startNanos = System.nanoTime();
        double waitTotal = 0;
        try (Progress progress = progressFactory.apply("pre-training", totalSteps)) {
            outer:
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] order = shuffled(datasetSize, seed, epoch);
                double epochLossSum = 0;
                Map<String, Double> epochMetricSums = new LinkedHashMap<>();
                int epochSteps = 0;
                long epochStart = System.nanoTime();
                Future<TwoViewBatch> next = pipeline.submit(epoch, slice(order, 0, batch));
                for (long s = 0; s < perEpoch; s++) {
                    if (step >= maxSteps) {
                        break outer;
                    }
                    long t0 = System.nanoTime();
                    TwoViewBatch views = await(next);
                    double wait = (System.nanoTime() - t0) / 1e9;
                    waitTotal += wait;
                    next = s + 1 < perEpoch && step + 1 < maxSteps ? pipeline.submit(epoch, slice(order, (int) ((s + 1) * batch), batch)) : null;
                    double lr = schedule.at(step);
                    double value;
                    Map<String, Double> metrics;
                    try (NDManager sm = manager.newSubManager(device)) {
                        NDArray x = sm.create(views.data(), new Shape(2L * batch, shape.channels(), shape.height(), shape.width()));
                        views.release();
                        LossResult r;
                        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                            NDArray z = project(ps, x, batch, perView, passSize);
                            r = loss.compute(z);
                            gc.backward(r.loss());
                        }
                        value = r.loss().getFloat();
                        metrics = r.metrics();
                        if (!Double.isFinite(value)) {
                            throw new DivergedException("the loss became " + value + " at epoch " + (epoch + 1) + ", step " + (step + 1)
                                    + " (lr " + lr + "). The last good checkpoint is kept; lower train.lr or check the data.");
                        }
                        for (Parameter p : trainable) {
                            NDArray w = p.getArray();
                            NDArray g = w.getGradient();
                            optimizer.update(p.getId(), w, g);
                            g.subi(g);
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
                    StepMetrics sm = new StepMetrics(epoch, step, value, lr, metrics, seconds, wait, batch);
                    log.onStep(sm);
                    step++;
                    progress.update(step, String.format("epoch %d/%d loss %.4f %.1f img/s", epoch + 1, epochs, value, batch / seconds));
                }
                if (next != null) {
                    await(next).release();
                }
                if (epochSteps > 0) {
                    double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                    Map<String, Double> means = new LinkedHashMap<>();
                    for (Map.Entry<String, Double> e : epochMetricSums.entrySet()) {
                        means.put(e.getKey(), e.getValue() / epochSteps);
                    }
                    epochLosses.add(epochLossSum / epochSteps);
                    log.onEpoch(new EpochMetrics(epoch, step, epochLossSum / epochSteps, means, epochSeconds, (long) epochSteps * batch));
                }
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new PretrainResult(step, epochLosses, firstLoss, lastLoss, seconds, step * (double) batch / seconds, waitTotal / seconds);
    }

    /** Projections of all 2B views, in the order view 1 then view 2. */
    private NDArray project(ParameterStore ps, NDArray x, int batch, boolean perView, int passSize) {
        int total = 2 * batch;
        int pass = perView ? batch : total;
        if (passSize > 0) {
            pass = Math.min(pass, passSize);
        }
        if (pass >= total) {
            return network.forward(ps, new NDList(x), true).singletonOrThrow();
        }
        NDList parts = new NDList();
        int groupEnd = perView ? batch : total;
        for (int groupStart = 0; groupStart < total; groupStart = groupEnd, groupEnd = Math.min(total, groupEnd + (perView ? batch : total))) {
            for (int a = groupStart; a < groupEnd; a += pass) {
                int b = Math.min(groupEnd, a + pass);
                parts.add(network.forward(ps, new NDList(x.get(new NDIndex("{}:{}", a, b))), true).singletonOrThrow());
            }
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
        public DivergedException(String message) {
            super(message);
        }
    }

}
