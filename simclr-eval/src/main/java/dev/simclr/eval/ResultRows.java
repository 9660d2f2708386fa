package dev.simclr.eval;

import dev.simclr.api.FeatureSource;
import java.util.List;

/**
 * Names of result rows: the evaluator's name for the trained encoder, and {@code name@label} for
 * a baseline source ({@code linear-probe@random-init}, {@code knn@raw-pixels}).
 */
public final class ResultRows {

    private ResultRows() {}

    public static String name(String evaluator, FeatureSource source) {
        return source == FeatureSource.TRAINED ? evaluator : evaluator + "@" + source.label();
    }

    /** The trained encoder, then the two baselines when asked for. */
    public static List<FeatureSource> sources(boolean baselines) {
        return baselines
                ? List.of(FeatureSource.TRAINED, FeatureSource.RANDOM_INIT, FeatureSource.RAW_PIXELS)
                : List.of(FeatureSource.TRAINED);
    }
}
