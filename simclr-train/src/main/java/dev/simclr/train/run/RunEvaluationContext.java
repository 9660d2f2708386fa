package dev.simclr.train.run;

import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Progress;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The evaluation context of a run: features are extracted once per (split, source) and shared by
 * every evaluator. The random-init baseline is the same architecture initialised with the run's
 * seed, i.e. the encoder pre-training started from.
 */
final class RunEvaluationContext implements EvaluationContext {

    private final Path runDir;
    private final Path outputDir;
    private final long seed;
    private final Backend backend;
    private final Map<DataSplit, ImageDataset> data;
    private final SimClrNetwork trained;
    private final Supplier<SimClrNetwork> randomInit;
    private final List<Augmentation> augmentations;
    private final List<Augmentation> evalTransform;
    private final FeatureExtractor extractor;
    private final Map<String, Object> resolvedConfig;
    private final Map<String, Map<String, Object>> results;
    private final BiFunction<String, Long, Progress> progress;
    private final PrintStream log;
    private final Map<DataSplit, Map<FeatureSource, Features>> cache = new EnumMap<>(DataSplit.class);
    private SimClrNetwork randomNetwork;

    RunEvaluationContext(Path runDir, Path outputDir, long seed, Backend backend, Map<DataSplit, ImageDataset> data, SimClrNetwork trained,
            Supplier<SimClrNetwork> randomInit, List<Augmentation> augmentations, FeatureExtractor extractor,
            Map<String, Object> resolvedConfig, Map<String, Map<String, Object>> results,
            BiFunction<String, Long, Progress> progress, PrintStream log) {
        this.runDir = runDir;
        this.outputDir = outputDir;
        this.seed = seed;
        this.backend = backend;
        this.data = data;
        this.trained = trained;
        this.randomInit = randomInit;
        this.augmentations = augmentations;
        this.evalTransform = Components.evaluationTransform(augmentations);
        this.extractor = extractor;
        this.resolvedConfig = resolvedConfig;
        this.results = results;
        this.progress = progress;
        this.log = log;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public ImageDataset data(DataSplit split) {
        ImageDataset d = data.get(split);
        if (d == null) {
            throw new IllegalStateException("no " + split.name().toLowerCase() + " data in this run (data." + split.name().toLowerCase() + " in the config)");
        }
        return d;
    }

    @Override
    public synchronized Features features(DataSplit split, FeatureSource source) {
        Map<FeatureSource, Features> bySource = cache.computeIfAbsent(split, s -> new EnumMap<>(FeatureSource.class));
        Features f = bySource.get(source);
        if (f != null) {
            return f;
        }
        ImageDataset d = data(split);
        int n = d.size();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = d.label(i);
        }
        float[] values;
        int dim;
        String task = "features " + split.name().toLowerCase() + " (" + source.label() + ")";
        try (Progress p = progress.apply(task, (long) n)) {
            if (source == FeatureSource.RAW_PIXELS) {
                dim = extractor.inputShape(d).size();
                values = extractor.pixels(d, 0, n);
                p.update(n, null);
            } else {
                SimClrNetwork net = network(source);
                dim = net.featureSize();
                values = extractor.encode(net.encoder(), dim, d, p);
            }
        }
        f = new Features(values, n, dim, labels, d.numClasses());
        bySource.put(source, f);
        return f;
    }

    private synchronized SimClrNetwork network(FeatureSource source) {
        if (source == FeatureSource.TRAINED) {
            return trained;
        }
        if (randomNetwork == null) {
            randomNetwork = randomInit.get();
        }
        return randomNetwork;
    }

    @Override
    public float[] embed(List<FloatImage> images, FeatureSource source) {
        if (source == FeatureSource.RAW_PIXELS) {
            int size = images.isEmpty() ? 0 : images.get(0).shape().size();
            float[] out = new float[images.size() * size];
            for (int i = 0; i < images.size(); i++) {
                System.arraycopy(images.get(i).data(), 0, out, i * size, size);
            }
            return out;
        }
        return extractor.encode(network(source).encoder(), images);
    }

    @Override
    public List<Augmentation> augmentations() {
        return augmentations;
    }

    @Override
    public List<Augmentation> evaluationTransform() {
        return evalTransform;
    }

    @Override
    public Map<String, Map<String, Object>> results() {
        return new LinkedHashMap<>(results);
    }

    @Override
    public Map<String, Object> resolvedConfig() {
        return resolvedConfig;
    }

    @Override
    public Progress progress(String task, long total) {
        return progress.apply(task, total);
    }

    @Override
    public void log(String line) {
        log.println(line);
    }
}
