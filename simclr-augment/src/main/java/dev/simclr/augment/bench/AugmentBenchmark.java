package dev.simclr.augment.bench;

import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.augment.Compose;
import dev.simclr.augment.SimclrPresetProvider;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Measures views per second of the whole SimCLR preset (crop, flip, jitter, grayscale, normalize)
 * through the two-view pipeline, on random uint8 RGB images of {@code size x size}, the way the
 * training loop drives it: batch k+1 is submitted before batch k is awaited.
 */
public final class AugmentBenchmark {

    private static final int BATCH = 256;
    private static final int MAX_DISTINCT_IMAGES = 512;

    private AugmentBenchmark() {
    }

    /**
     * Runs the benchmark and prints human lines, then one JSON line with {@code images_per_s} (views
     * produced per second), {@code size} and {@code threads}.
     *
     * @param threads worker threads; 0 or less means one per available processor
     * @param images source images to augment in the timed part (each gives two views)
     * @return 0
     */
    public static int run(int size, int threads, int images, PrintStream out) {
        if (size <= 0 || images <= 0) {
            throw new IllegalArgumentException("bench augment needs a positive size and image count, got size " + size
                    + " and " + images + " images");
        }
        int distinct = Math.min(images, MAX_DISTINCT_IMAGES);
        ImageShape shape = new ImageShape(3, size, size);
        byte[] pixels = new byte[distinct * shape.size()];
        new SplittableRandom(42).nextBytes(pixels);
        ImageStore store = new ImageStore("random uint8 " + shape, shape, pixels, null, null);
        Compose preset = SimclrPresetProvider.build(size, 1.0, false, 0.5, new double[] {0.5}, new double[] {0.5});

        try (TwoViewPipeline pipeline = new TwoViewPipeline(store, List.of(preset), threads, 1234)) {
            out.printf(Locale.ROOT, "augment benchmark: %d images of %s, %d threads, pipeline %s%n",
                    images, shape, pipeline.threads(), preset);
            // warm-up: let the JIT compile the hot loops before timing (at least ~2 s of work)
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            int warmEpoch = -1;
            do {
                drive(pipeline, 4 * BATCH, distinct, warmEpoch--);
            } while (System.nanoTime() < warmUntil);
            long t0 = System.nanoTime();
            double prepare = drive(pipeline, images, distinct, 1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double views = 2.0 * images;
            double perS = views / seconds;
            int t = pipeline.threads();
            out.printf(Locale.ROOT, "%d views in %.3f s: %.0f views/s (%.0f views/s per thread), workers busy %.3f s%n",
                    (long) views, seconds, perS, perS / t, prepare);
            out.printf(Locale.ROOT, "{\"bench\":\"augment\",\"size\":%d,\"threads\":%d,\"images\":%d,\"views\":%d,"
                            + "\"seconds\":%.4f,\"images_per_s\":%.1f,\"views_per_s\":%.1f,\"views_per_s_per_thread\":%.1f,"
                            + "\"pipeline\":\"simclr preset (strength 1, no blur, normalize 0.5/0.5)\"}%n",
                    size, t, images, (long) views, seconds, perS, perS, perS / t);
        }
        return 0;
    }

    /** Augments {@code images} images in batches, keeping one batch in flight ahead; returns summed prepare time. */
    private static double drive(TwoViewPipeline pipeline, int images, int distinct, int epoch) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < images; start += BATCH) {
            int n = Math.min(BATCH, images - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = (start + i) % distinct;
            }
            batches.add(idx);
        }
        double prepare = 0;
        Future<TwoViewBatch> next = pipeline.submit(epoch, batches.get(0));
        for (int k = 0; k < batches.size(); k++) {
            Future<TwoViewBatch> current = next;
            if (k + 1 < batches.size()) {
                next = pipeline.submit(epoch, batches.get(k + 1));
            }
            try {
                TwoViewBatch b = current.get();
                prepare += b.prepareSeconds();
                b.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("augment benchmark interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("augmentation failed during the benchmark: " + e.getCause(), e.getCause());
            }
        }
        return prepare;
    }

    /** {@code java ... AugmentBenchmark [size] [threads] [images]}. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        System.exit(run(size, threads, images, System.out));
    }
}
