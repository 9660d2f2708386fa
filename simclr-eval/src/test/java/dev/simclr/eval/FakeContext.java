package dev.simclr.eval;

import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An evaluation context over given features, images and pictures, for tests. */
public final class FakeContext implements EvaluationContext {

    private static final Backend BACKEND = new TestBackend();

    private final Path runDir;
    private long seed = 42;
    private final Map<DataSplit, Map<FeatureSource, Features>> features = new EnumMap<>(DataSplit.class);
    private final Map<DataSplit, ImageDataset> data = new EnumMap<>(DataSplit.class);
    private List<Augmentation> augmentations = List.of();
    private Function<FloatImage, float[]> encoder = img -> img.data().clone();
    private Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private Map<String, Object> config = new LinkedHashMap<>();
    public final List<String> logLines = new ArrayList<>();

    public FakeContext(Path runDir) {
        this.runDir = runDir;
    }

    public FakeContext seed(long s) {
        this.seed = s;
        return this;
    }

    /** The same features for every source. */
    public FakeContext features(Features train, Features test) {
        for (FeatureSource s : FeatureSource.values()) {
            features(s, train, test);
        }
        return this;
    }

    public FakeContext features(FeatureSource source, Features train, Features test) {
        features.computeIfAbsent(DataSplit.TRAIN, k -> new HashMap<>()).put(source, train);
        features.computeIfAbsent(DataSplit.TEST, k -> new HashMap<>()).put(source, test);
        return this;
    }

    public FakeContext data(DataSplit split, ImageDataset d) {
        data.put(split, d);
        return this;
    }

    public FakeContext augmentations(List<Augmentation> ops) {
        this.augmentations = ops;
        return this;
    }

    /** How {@link #embed} maps one image to its features. */
    public FakeContext encoder(Function<FloatImage, float[]> e) {
        this.encoder = e;
        return this;
    }

    public FakeContext results(Map<String, Map<String, Object>> r) {
        this.results = r;
        return this;
    }

    public FakeContext config(Map<String, Object> c) {
        this.config = c;
        return this;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Backend backend() {
        return BACKEND;
    }

    @Override
    public ImageDataset data(DataSplit split) {
        ImageDataset d = data.get(split);
        if (d == null) {
            throw new IllegalStateException("test context has no " + split + " images");
        }
        return d;
    }

    @Override
    public Features features(DataSplit split, FeatureSource source) {
        Features f = features.getOrDefault(split, Map.of()).get(source);
        if (f == null) {
            throw new IllegalStateException("test context has no " + split + " " + source + " features");
        }
        return f;
    }

    @Override
    public float[] embed(List<FloatImage> images, FeatureSource source) {
        List<float[]> rows = images.stream().map(encoder).toList();
        int d = rows.isEmpty() ? 0 : rows.get(0).length;
        float[] out = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * d, d);
        }
        return out;
    }

    @Override
    public List<Augmentation> augmentations() {
        return augmentations;
    }

    @Override
    public List<Augmentation> evaluationTransform() {
        return List.of();
    }

    @Override
    public Map<String, Map<String, Object>> results() {
        return results;
    }

    @Override
    public Map<String, Object> resolvedConfig() {
        return config;
    }

    @Override
    public Progress progress(String task, long total) {
        return Progress.silent();
    }

    @Override
    public void log(String line) {
        logLines.add(line);
    }
}
