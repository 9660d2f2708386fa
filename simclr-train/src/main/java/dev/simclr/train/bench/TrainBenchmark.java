package dev.simclr.train.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Backend;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.api.LossProvider;
import dev.simclr.api.Params;
import dev.simclr.api.Progress;
import dev.simclr.api.ProjectionHeadProvider;
import dev.simclr.api.Provider;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ConfigException;
import dev.simclr.api.config.ParamValidator;
import dev.simclr.api.config.RunConfig;
import dev.simclr.train.config.Sections;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.augment.pipeline.TwoViewPipeline;
import dev.simclr.api.DjlRuntime;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.io.Json;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import dev.simclr.train.pretrain.StepMetrics;
import dev.simclr.train.run.Components;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the whole SimCLR pre-training step on generated uint8 images: the two-view augmentation
 * pipeline, encoder + projection head, NT-Xent, backward and the optimizer step, run by the real
 * {@link Pretrainer} (so what is timed is what {@code simclr run} does), with every part made
 * through the plugin registry from its provider, as a run file would name it.
 *
 * <p>Prints human lines, then, last, one JSON line: {@code samples_per_s} (source images per
 * second; each gives two views), {@code data_wait_fraction}, {@code peak_rss_mb}, step times, CPU
 * time split into user and system, page faults, the settings, the engine versions and the
 * environment variables that change native performance.
 */
public final class TrainBenchmark {

    /** Pixel bytes of generated images kept distinct; beyond this the images repeat over epochs. */
    private static final long MAX_IMAGE_BYTES = 256L << 20;

    /** Environment variables that change how the native engine runs; recorded with every result. */
    private static final List<String> ENGINE_ENV = List.of("LD_PRELOAD", "MALLOC_ARENA_MAX", "MALLOC_MMAP_MAX_",
            "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "OMP_NUM_THREADS", "OMP_WAIT_POLICY",
            "KMP_BLOCKTIME", "GOMP_SPINCOUNT", "THP_MEM_ALLOC_ENABLE", "DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA",
            "ONEDNN_DEFAULT_FPMATH_MODE");

    private TrainBenchmark() {}

    /**
     * What to benchmark.
     *
     * @param encoder encoder provider name (resnet18, resnet34, resnet50, or a plugin's)
     * @param stem ResNet stem: cifar or imagenet
     * @param width channel multiplier of the encoder
     * @param batch source images per step (2x this many views)
     * @param size image side in pixels
     * @param channels image channels
     * @param steps timed steps
     * @param warmup untimed steps first (JIT, allocator and engine warm-up)
     * @param threads intra-op threads of the engine (0: number of cores)
     * @param workers augmentation threads (0: number of cores)
     * @param batchNorm {@code per-view} (two passes of B) or {@code joint} (one pass of 2B)
     * @param passSize images per encoder pass (0: as batchNorm implies)
     * @param device the backend's device: cpu, gpu, gpu:N or auto
     * @param backend the backend that trains: pytorch or tensorflow
     * @param precision the training step's precision: fp32 or bf16 ({@code train.precision})
     */
    public record Options(String encoder, String stem, double width, int batch, int size, int channels, int steps,
            int warmup, int threads, int workers, String batchNorm, int passSize, String device, String backend,
            String precision) {

        /** The options of an fp32 benchmark on the pytorch backend. */
        public Options(String encoder, String stem, double width, int batch, int size, int channels, int steps,
                int warmup, int threads, int workers, String batchNorm, int passSize, String device) {
            this(encoder, stem, width, batch, size, channels, steps, warmup, threads, workers, batchNorm, passSize, device,
                    "pytorch", "fp32");
        }

        public static Options defaults() {
            return new Options("resnet18", "cifar", 1.0, 64, 32, 3, 10, 2, 0, 0, "per-view", 0, "cpu", "pytorch", "fp32");
        }

        /** Images that go through the encoder at once with these settings. */
        public int effectivePassSize() {
            int pass = "joint".equals(batchNorm) ? 2 * batch : batch;
            return passSize > 0 ? Math.min(pass, passSize) : pass;
        }
    }

    /** Runs the benchmark with the providers on this class's class path. */
    public static int run(Options o, PrintStream out) throws InterruptedException {
        DjlRuntime.configureOffline();
        return run(o, PluginRegistry.load(TrainBenchmark.class.getClassLoader()), out);
    }

    /**
     * Runs the benchmark with the providers of {@code registry} (plugins included).
     *
     * @return 0
     */
    public static int run(Options o, PluginRegistry registry, PrintStream out) throws InterruptedException {
        if (o.steps() < 1 || o.warmup() < 0) {
            throw new IllegalArgumentException("bench train needs --steps >= 1 and --warmup >= 0, got " + o.steps()
                    + " and " + o.warmup());
        }
        DjlRuntime.configureOffline();
        RunConfig config = config(o, registry);
        Components parts = new Components(registry, config);
        ImageStore images = generatedImages(o);
        int totalSteps = o.warmup() + o.steps();
        long perEpoch = parts.train().stepsPerEpoch(images.size());
        TrainSettings train = parts.train().withEpochs((int) ((totalSteps + perEpoch - 1) / perEpoch));

        try (Backend backend = parts.backend();
                NDManager manager = backend.newManager();
                TwoViewPipeline pipeline = new TwoViewPipeline(images, parts.augmentations(), o.workers(), config.seed());
                ContrastiveLoss loss = parts.loss()) {
            ImageShape viewShape = pipeline.viewShape();
            SimClrNetwork network = parts.network(viewShape);
            Pretrainer.initialize(network, manager, viewShape, config.seed());
            Engine engine = backend.engine();
            out.printf(Locale.ROOT, "train benchmark: %s (%s stem, width %s) + %s head, %s loss; batch %d (%d views), %s batch norm, "
                            + "passes of %d images, %s; views %s%n",
                    o.encoder(), o.stem(), o.width(), config.head().name(), config.loss().name(), o.batch(), 2 * o.batch(),
                    o.batchNorm(), o.effectivePassSize(), o.precision(), viewShape);
            out.printf(Locale.ROOT, "engine: %s (DJL %s); %d augmentation threads; %d warm-up + %d timed steps on %d generated images%n",
                    backend.describe(), Engine.getDjlVersion(), pipeline.threads(), o.warmup(), o.steps(), images.size());

            StepRecorder recorder = new StepRecorder(o.warmup());
            Pretrainer trainer = new Pretrainer(backend, network, loss, train, config.seed());
            trainer.run(manager, pipeline, images.size(), recorder, (task, total) -> Progress.silent());
            double wall = (System.nanoTime() - recorder.startNanos()) / 1e9;
            TrainBenchResult r = TrainBenchResult.of(recorder.timed(), wall, ProcessStats.read().since(recorder.startStats()));

            for (StepMetrics s : recorder.timed()) {
                out.printf(Locale.ROOT, "step %d: %.3f s (data wait %.3f s), %.1f samples/s, loss %.4f%n",
                        s.step() + 1, s.seconds(), s.dataWaitSeconds(), s.samples() / s.seconds(), s.loss());
            }
            ProcessStats p = r.process();
            out.printf(Locale.ROOT, "%.1f samples/s (%.1f views/s); step median %.3f s (min %.3f, max %.3f); data wait %.1f%%%n",
                    r.samplesPerSecond(), 2 * r.samplesPerSecond(), r.medianStepSeconds(), r.minStepSeconds(),
                    r.maxStepSeconds(), 100 * r.dataWaitFraction());
            out.printf(Locale.ROOT, "CPU over the timed steps: user %.1f s, system %.1f s (%.2f CPU-s per s); %.0f page faults per step; "
                            + "peak RSS %.0f MiB%n",
                    p.userSeconds(), p.systemSeconds(), r.cpuPerWallSecond(), p.minorFaults() / r.steps(), p.peakRssMb());
            out.println(Json.line(json(o, r, backend, engine, pipeline.threads())));
        }
        return 0;
    }

    /** The run's parts as a run file would state them, validated against the providers' declarations. */
    static RunConfig config(Options o, PluginRegistry registry) {
        List<ConfigError> errors = new ArrayList<>();
        ComponentConfig backend = component(registry, BackendProvider.class, o.backend(), "backend",
                Map.of("device", o.device(), "threads", o.threads()), errors);
        ComponentConfig augment = component(registry, AugmentationProvider.class, "simclr", "augment[0].simclr",
                Map.of("size", o.size()), errors);
        ComponentConfig encoder = component(registry, EncoderProvider.class, o.encoder(), "model.encoder",
                Map.of("stem", o.stem(), "width", o.width()), errors);
        ComponentConfig head = component(registry, ProjectionHeadProvider.class, "mlp", "model.head",
                Map.of("layers", 2, "hidden", 512, "out", 128), errors);
        ComponentConfig loss = component(registry, LossProvider.class, "nt-xent", "loss", Map.of(), errors);
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("batch-size", o.batch());
        train.put("max-steps", o.warmup() + o.steps());
        train.put("batch-norm", o.batchNorm());
        train.put("pass-size", o.passSize());
        train.put("workers", o.workers());
        train.put("precision", o.precision());
        Params trainParams = ParamValidator.validate(train, Sections.TRAIN, "train", errors);
        Params output = ParamValidator.validate(Map.of(), Sections.OUTPUT, "output", errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new RunConfig(42, backend, null, null, null, List.of(augment), encoder, head, loss, trainParams, List.of(), output);
    }

    private static <T extends Provider> ComponentConfig component(PluginRegistry registry, Class<T> type, String name, String path,
            Map<String, Object> raw, List<ConfigError> errors) {
        Provider provider = registry.get(type, name);
        return new ComponentConfig(name, ParamValidator.validate(raw, provider.parameters(), path, errors));
    }

    /** Random uint8 images: enough distinct ones for every step when they fit in {@link #MAX_IMAGE_BYTES}. */
    static ImageStore generatedImages(Options o) {
        ImageShape shape = new ImageShape(o.channels(), o.size(), o.size());
        long wanted = (long) o.batch() * (o.warmup() + o.steps());
        long fit = Math.max(o.batch(), MAX_IMAGE_BYTES / shape.size());
        int n = (int) Math.min(wanted, fit);
        byte[] pixels = new byte[Math.multiplyExact(n, shape.size())];
        new SplittableRandom(42).nextBytes(pixels);
        return new ImageStore("random uint8 " + shape, shape, pixels, null, null);
    }

    private static Map<String, Object> json(Options o, TrainBenchResult r, Backend backend, Engine engine, int workers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", "train");
        m.put("samples_per_s", round(r.samplesPerSecond(), 2));
        m.put("views_per_s", round(2 * r.samplesPerSecond(), 2));
        m.put("data_wait_fraction", round(r.dataWaitFraction(), 4));
        m.put("peak_rss_mb", round(r.process().peakRssMb(), 0));
        m.put("step_s_median", round(r.medianStepSeconds(), 4));
        m.put("step_s_min", round(r.minStepSeconds(), 4));
        m.put("step_s_max", round(r.maxStepSeconds(), 4));
        m.put("cpu_user_s", round(r.process().userSeconds(), 2));
        m.put("cpu_sys_s", round(r.process().systemSeconds(), 2));
        m.put("cpu_per_wall_s", round(r.cpuPerWallSecond(), 3));
        m.put("minor_faults_per_step", round(r.process().minorFaults() / r.steps(), 0));
        m.put("loss_first", round(r.firstLoss(), 5));
        m.put("loss_last", round(r.lastLoss(), 5));
        m.put("encoder", o.encoder());
        m.put("stem", o.stem());
        m.put("width", o.width());
        m.put("batch", o.batch());
        m.put("size", o.size());
        m.put("channels", o.channels());
        m.put("steps", o.steps());
        m.put("warmup", o.warmup());
        m.put("backend", o.backend());
        m.put("device", o.device());
        m.putAll(backend.settings());
        m.put("workers", workers);
        m.put("batch_norm", o.batchNorm());
        m.put("pass_size", o.effectivePassSize());
        m.put("precision", o.precision());
        m.put("engine", engine.getEngineName());
        m.put("engine_version", engine.getVersion());
        m.put("djl_version", Engine.getDjlVersion());
        m.put("java_version", Runtime.version().toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : ENGINE_ENV) {
            String v = System.getenv(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        m.put("env", env);
        return m;
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
