package dev.simclr.augment.pipeline;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.Compose;
import dev.simclr.augment.ResamplingAugmentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Prepares two augmented views of every image of a batch on a pool of worker threads. Each worker
 * decodes the uint8 image once, runs the operators twice (one generator per view from
 * {@link ViewRandom}) in its own reusable buffers, and copies each view into its row of a pooled
 * {@code [2B, C, H, W]} buffer. Work is split into chunks of images; the last chunk to finish
 * completes the batch's future, so {@link #submit} never blocks and several batches can be in flight.
 */
public final class TwoViewPipeline implements AutoCloseable {

    private static final float[] BYTE_TO_FLOAT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            BYTE_TO_FLOAT[i] = i / 255f; // to_tensor: uint8 / 255 in float32
        }
    }

    private final ImageDataset data;
    private final List<Augmentation> ops;
    private final long seed;
    private final int threads;
    private final ImageShape inputShape;
    private final ImageShape viewShape;
    private final int scratchSize;
    private final boolean firstResamples;
    private final ExecutorService workers;
    private final BufferPool pool = new BufferPool(4);
    private final ThreadLocal<Workspace> workspaces;
    private final Set<CompletableFuture<TwoViewBatch>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param threads worker threads; 0 or less means one per available processor
     * @param seed the run's seed; every view's draws derive from it, the epoch, the image index and the view
     */
    public TwoViewPipeline(ImageDataset data, List<Augmentation> ops, int threads, long seed) {
        this.data = data;
        this.ops = Compose.flatten(ops);
        this.seed = seed;
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.inputShape = data.shape();
        ImageShape s = inputShape;
        int max = s.size();
        for (Augmentation op : this.ops) {
            s = op.outputShape(s);
            max = Math.max(max, s.size());
        }
        this.viewShape = s;
        this.scratchSize = max;
        this.firstResamples = !this.ops.isEmpty() && this.ops.get(0) instanceof ResamplingAugmentation;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(inputShape.size(), scratchSize));
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "simclr-augment-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The images it prepares views of. */
    public ImageDataset dataset() {
        return data;
    }

    /** Shape of one view after the operators. */
    public ImageShape viewShape() {
        return viewShape;
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /**
     * Starts preparing the batch of the given dataset indices for {@code epoch}. Returns at once;
     * the future fails with the operator's exception if one fails.
     */
    public Future<TwoViewBatch> submit(int epoch, int[] indices) {
        if (closed) {
            throw new IllegalStateException("the augmentation pipeline is closed; create a new one to prepare more batches");
        }
        int n = data.size();
        for (int idx : indices) {
            if (idx < 0 || idx >= n) {
                throw new IllegalArgumentException("image index " + idx + " is outside " + data.description()
                        + " (" + n + " images)");
            }
        }
        int b = indices.length;
        int[] idx = indices.clone();
        int viewSize = viewShape.size();
        float[] out = pool.acquire(2 * b * viewSize);
        CompletableFuture<TwoViewBatch> future = new CompletableFuture<>();
        if (b == 0) {
            future.complete(new TwoViewBatch(out, 0, viewShape, idx, 0.0, pool));
            return future;
        }
        inFlight.add(future);
        future.whenComplete((r, e) -> inFlight.remove(future));
        int chunks = Math.min(b, threads * 4);
        AtomicInteger remaining = new AtomicInteger(chunks);
        AtomicLong start = new AtomicLong(Long.MAX_VALUE);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) b * c / chunks);
            int to = (int) ((long) b * (c + 1) / chunks);
            Runnable task = () -> {
                if (future.isDone()) {
                    return;
                }
                start.accumulateAndGet(System.nanoTime(), Math::min);
                try {
                    Workspace ws = workspaces.get();
                    for (int k = from; k < to; k++) {
                        prepare(ws, epoch, idx[k], k, b, out);
                    }
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                    return;
                }
                if (remaining.decrementAndGet() == 0) {
                    double seconds = (System.nanoTime() - start.get()) / 1e9;
                    future.complete(new TwoViewBatch(out, b, viewShape, idx, seconds, pool));
                }
            };
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                future.completeExceptionally(new CancellationException("the augmentation pipeline was closed"));
                break;
            }
        }
        return future;
    }

    /** Both views of one image into rows {@code slot} and {@code b + slot}. */
    private void prepare(Workspace ws, int epoch, int index, int slot, int b, float[] out) {
        data.copyPixels(index, ws.pixels, 0);
        int n = inputShape.size();
        float[] source = ws.source;
        byte[] px = ws.pixels;
        for (int i = 0; i < n; i++) {
            source[i] = BYTE_TO_FLOAT[px[i] & 0xFF];
        }
        int viewSize = viewShape.size();
        for (int view = 0; view < 2; view++) {
            FloatImage img;
            if (firstResamples) {
                img = FloatImage.inBuffer(inputShape, source);
            } else {
                System.arraycopy(source, 0, ws.bufB, 0, n);
                img = FloatImage.inBuffer(inputShape, ws.bufB);
            }
            RandomGenerator rng = ViewRandom.forView(seed, epoch, index, view);
            FloatImage result = Transforms.applyBuffered(ops, img, rng, ws.bufA, ws.bufB);
            if (!result.shape().equals(viewShape)) {
                throw new IllegalStateException("an augmentation produced a " + result.shape() + " image where its declared "
                        + "output shape is " + viewShape + "; check the operator's outputShape()");
            }
            System.arraycopy(result.data(), 0, out, (view * b + slot) * viewSize, viewSize);
        }
    }

    /** Stops the workers; batches still being prepared fail with a CancellationException. */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<TwoViewBatch> f : inFlight) {
            f.cancel(false);
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Per-thread buffers: raw pixels, the decoded source image, and two ping-pong images. */
    private static final class Workspace {
        final byte[] pixels;
        final float[] source;
        final float[] bufA;
        final float[] bufB;

        Workspace(int inputSize, int scratchSize) {
            pixels = new byte[inputSize];
            source = new float[inputSize];
            bufA = new float[scratchSize];
            bufB = new float[scratchSize];
        }
    }
}
