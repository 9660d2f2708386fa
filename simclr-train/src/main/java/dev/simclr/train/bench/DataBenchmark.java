package dev.simclr.train.bench;

import dev.simclr.api.Augmentation;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.EpochOrder;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Params;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.augment.ColorJitter;
import dev.simclr.augment.Normalize;
import dev.simclr.augment.RandomGrayscale;
import dev.simclr.augment.RandomHorizontalFlip;
import dev.simclr.augment.RandomResizedCrop;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.data.SyntheticImages;
import dev.simclr.train.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code simclr bench data}: how fast images are read, decoded and given two augmented views,
 * streamed from a folder of JPEGs (generated when missing), compared in the same run with the
 * reference tutorial's pipeline on the same files ({@link ReferencePipeline}). The view transform
 * on both sides is the tutorial's: random resized crop (scale 0.08 to 1, antialiased as PIL
 * resizes), flip, colour jitter (0.8, 0.8, 0.8, 0.2) with p 0.8, grayscale with p 0.2, ImageNet
 * normalisation. Prints a table, then one JSON line.
 */
public final class DataBenchmark {

    private DataBenchmark() {}

    /**
     * @param folder the image folder (class sub-folders of JPEGs); generated when it holds fewer than {@code images}
     * @param images images to generate and to visit
     * @param sourceSize side of the generated JPEGs
     * @param size side of the views
     * @param workers augmentation threads here, DataLoader worker processes there
     * @param python the Python with torch and torchvision for the reference, or null to skip it
     */
    public record Options(Path folder, int images, int sourceSize, int size, int workers, int batch, String python) {}

    /** One side's measurement. */
    public record Side(String pipeline, int images, double seconds, double cpuSeconds, double peakRssMb, int workers) {
        double imagesPerSecond() {
            return images / seconds;
        }

        double imagesPerCpuSecond() {
            return images / cpuSeconds;
        }
    }

    public static int run(Options o, PluginRegistry registry, PrintStream out) throws IOException, InterruptedException {
        prepareFolder(o, out);
        Side java = javaSide(o, registry, out);
        print(java, out);
        Side reference = null;
        if (o.python() != null) {
            out.println("reference: " + o.python() + " with torchvision, the same " + o.images() + " files ...");
            reference = ReferencePipeline.run(o, out);
            print(reference, out);
            out.printf(Locale.ROOT, "ratio (simclr / reference): %.2fx images per second, %.2fx images per CPU second%n",
                    java.imagesPerSecond() / reference.imagesPerSecond(), java.imagesPerCpuSecond() / reference.imagesPerCpuSecond());
        }
        out.println(Json.line(json(o, java, reference)));
        return 0;
    }

    /** Generates the missing images (an interrupted generation continues). */
    private static void prepareFolder(Options o, PrintStream out) throws IOException {
        long have = 0;
        if (Files.isDirectory(o.folder())) {
            try (Stream<Path> s = Files.walk(o.folder())) {
                have = s.filter(p -> p.toString().endsWith(".jpg")).count();
            }
        }
        if (have < o.images()) {
            out.printf(Locale.ROOT, "generating %d JPEGs of %d px in %s ...%n", o.images() - have, o.sourceSize(), o.folder());
            SyntheticImages.writeFolder(o.folder(), o.images(), o.sourceSize(), 10, 1);
        } else if (have > o.images()) {
            throw new IllegalArgumentException(o.folder() + " holds " + have + " JPEGs, more than --images " + o.images()
                    + "; both pipelines read the whole folder, so give --images " + have + " or another --folder");
        }
    }

    /** Every image once, in the epoch order, one batch prepared ahead as the training loop does. */
    private static Side javaSide(Options o, PluginRegistry registry, PrintStream out) throws IOException, InterruptedException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", o.folder().toString());
        p.put("channels", "3");
        p.put("skip-unreadable", false);
        p.put("stream", "true");
        ImageDataset data = registry.get(DatasetProvider.class, "image-folder").open(Params.of("bench", p));
        ProcessStats before = ProcessStats.read();
        long t0 = System.nanoTime();
        int done = 0;
        try (TwoViewPipeline pipeline = new TwoViewPipeline(data, tutorialViews(o.size()), o.workers(), 1)) {
            out.printf(Locale.ROOT, "simclr: %d images of %s streamed from %s, %d workers, batches of %d%n", data.size(),
                    data.shape(), o.folder(), pipeline.threads(), o.batch());
            int[] order = EpochOrder.of(data, 1, 0);
            int batches = order.length / o.batch();
            Future<TwoViewBatch> next = pipeline.submit(0, Arrays.copyOfRange(order, 0, o.batch()));
            for (int b = 0; b < batches; b++) {
                Future<TwoViewBatch> current = next;
                next = b + 1 < batches ? pipeline.submit(0, Arrays.copyOfRange(order, (b + 1) * o.batch(), (b + 2) * o.batch())) : null;
                TwoViewBatch views = await(current);
                done += views.batchSize();
                views.release();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcessStats used = ProcessStats.read().since(before);
        return new Side("simclr streamed image-folder + two-view pipeline (javax.imageio)", done, seconds,
                used.userSeconds() + used.systemSeconds(), used.peakRssMb(), o.workers());
    }

    /** The tutorial's view transform, with the same operators a run file would name. */
    static List<Augmentation> tutorialViews(int size) {
        return List.of(new RandomResizedCrop(size, 0.08, 1.0, 3.0 / 4, 4.0 / 3, true), new RandomHorizontalFlip(0.5),
                new ColorJitter(0.8, 0.8, 0.8, 0.2, 0.8), new RandomGrayscale(0.2),
                new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}));
    }

    private static TwoViewBatch await(Future<TwoViewBatch> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading or augmenting images failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void print(Side s, PrintStream out) {
        out.printf(Locale.ROOT, "  %-70s %6d images in %7.1f s: %6.1f images/s, %5.1f images/s per worker, %5.1f images per CPU"
                + " second, peak RSS %.0f MB%n", s.pipeline(), s.images(), s.seconds(), s.imagesPerSecond(),
                s.imagesPerSecond() / s.workers(), s.imagesPerCpuSecond(), s.peakRssMb());
    }

    private static Map<String, Object> json(Options o, Side java, Side reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", "data");
        m.put("folder", o.folder().toString());
        m.put("source_size", o.sourceSize());
        m.put("size", o.size());
        m.put("batch", o.batch());
        m.put("simclr", side(java));
        if (reference != null) {
            m.put("reference", side(reference));
            m.put("ratio_images_per_s", java.imagesPerSecond() / reference.imagesPerSecond());
            m.put("ratio_images_per_cpu_s", java.imagesPerCpuSecond() / reference.imagesPerCpuSecond());
        }
        m.put("load_average", ReferencePipeline.loadAverage());
        return m;
    }

    private static Map<String, Object> side(Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline", s.pipeline());
        m.put("images", s.images());
        m.put("seconds", s.seconds());
        m.put("cpu_seconds", s.cpuSeconds());
        m.put("images_per_s", s.imagesPerSecond());
        m.put("images_per_s_per_worker", s.imagesPerSecond() / s.workers());
        m.put("images_per_cpu_s", s.imagesPerCpuSecond());
        m.put("peak_rss_mb", s.peakRssMb());
        m.put("workers", s.workers());
        return m;
    }
}
