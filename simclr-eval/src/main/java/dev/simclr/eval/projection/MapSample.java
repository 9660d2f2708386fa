package dev.simclr.eval.projection;

import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.eval.Sampling;

/**
 * The test features a map draws: the trained encoder's, or a seeded sample of at most a given
 * number of them (the same sample for the PCA and the t-SNE map of one run).
 *
 * @param points the rows drawn
 * @param total how many test features there are
 */
record MapSample(Features points, int total) {

    static MapSample of(EvaluationContext ctx, int maxPoints) throws Exception {
        Features f = ctx.features(DataSplit.TEST, FeatureSource.TRAINED);
        return new MapSample(f.rows(Sampling.indices(f.count(), maxPoints, ctx.seed())), f.count());
    }

    int count() {
        return points.count();
    }

    /** For a chart's title: {@code 500 of 3000 images}, or {@code 3000 images} when all are drawn. */
    String images() {
        return count() < total ? count() + " of " + total + " images" : total + " images";
    }
}
