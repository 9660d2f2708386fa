package dev.simclr.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an evaluator sees of a finished (or running) pre-training: data, the frozen encoder's
 * features, the augmentation pipeline, earlier results and the run folder. Features are extracted
 * once per split and source and shared by every evaluator that asks.
 */
public interface EvaluationContext {

    /** The run folder: its metrics.jsonl and training curves are read from here. */
    Path runDir();

    /**
     * Where evaluators write their files (PNG, CSV, HTML): the run folder during a run, a
     * sub-folder of it when a finished run is evaluated again, so earlier results are kept.
     */
    default Path outputDir() {
        return runDir();
    }

    /** The run's seed, for evaluators that draw random numbers. */
    long seed();

    /** The backend that runs the encoder forward pass. */
    Backend backend();

    /** Labelled data of a split, as loaded (before any transform). */
    ImageDataset data(DataSplit split);

    /**
     * Features of a split from the given source, computed with the evaluation transform (no random
     * augmentation) and cached for the whole evaluation.
     */
    Features features(DataSplit split, FeatureSource source) throws Exception;

    /**
     * Encoder features of given images (already transformed, CHW floats of the encoder's input
     * shape), in order.
     *
     * @return {@code images.length * featureSize} floats
     */
    float[] embed(List<FloatImage> images, FeatureSource source) throws Exception;

    /** The training augmentation pipeline, in order (for pictures of augmented views). */
    List<Augmentation> augmentations();

    /** The deterministic evaluation transform (see {@link Augmentation#evaluationForm()}). */
    List<Augmentation> evaluationTransform();

    /** Results reported so far by earlier evaluators: evaluation name to metrics. */
    Map<String, Map<String, Object>> results();

    /** The fully resolved configuration of the run, as a YAML-ready tree. */
    Map<String, Object> resolvedConfig();

    /** Progress for a task of {@code total} units. */
    Progress progress(String task, long total);

    /** A line for the user's log. */
    void log(String line);
}
