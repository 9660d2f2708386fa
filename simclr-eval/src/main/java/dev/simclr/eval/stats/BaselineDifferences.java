package dev.simclr.eval.stats;

import dev.simclr.api.FeatureSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the trained encoder's top-1 accuracy lies above each baseline's on the same test images,
 * with a paired-bootstrap 95 % interval: the {@value #KEY} entry of the trained encoder's row, one
 * entry per baseline label ({@code raw-pixels}, {@code random-init}), each
 * {@code {"top1": difference, "top1_ci": [lo, hi], "resamples": n}} as fractions.
 */
public final class BaselineDifferences {

    public static final String KEY = "differences";

    private BaselineDifferences() {}

    /**
     * @param hits per-image top-1 hits on the test split of each source, the trained encoder's
     *     among them
     * @param seed seed of the resampling (the run's seed)
     * @return baseline label to its difference, empty when only the trained encoder was scored
     */
    public static Map<String, Object> of(Map<FeatureSource, boolean[]> hits, long seed) {
        boolean[] trained = hits.get(FeatureSource.TRAINED);
        Map<String, Object> out = new LinkedHashMap<>();
        if (trained == null) {
            return out;
        }
        for (Map.Entry<FeatureSource, boolean[]> e : hits.entrySet()) {
            if (e.getKey() == FeatureSource.TRAINED) {
                continue;
            }
            double[] ci = PairedBootstrap.differenceInterval95(trained, e.getValue(), seed);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("top1", TestAccuracy.fraction(trained) - TestAccuracy.fraction(e.getValue()));
            d.put("top1_ci", List.of(ci[0], ci[1]));
            d.put("resamples", PairedBootstrap.RESAMPLES);
            out.put(e.getKey().label(), d);
        }
        return out;
    }
}
