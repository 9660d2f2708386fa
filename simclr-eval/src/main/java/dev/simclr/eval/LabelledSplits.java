package dev.simclr.eval;

import dev.simclr.api.DataSplit;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;

/**
 * The train and test features of one source, checked to be labelled and of one size, as the
 * supervised evaluators (linear probe, kNN) need them.
 *
 * @param train features the classifier is fitted on (or, for kNN, the memory bank)
 * @param test features it is scored on
 * @param classes number of classes of the two splits together
 */
public record LabelledSplits(Features train, Features test, int classes) {

    /**
     * @param evaluator the evaluator's name, for messages
     * @throws IllegalStateException when a split is unlabelled or the feature sizes differ
     */
    public static LabelledSplits load(EvaluationContext ctx, FeatureSource source, String evaluator) throws Exception {
        Features train = ctx.features(DataSplit.TRAIN, source);
        Features test = ctx.features(DataSplit.TEST, source);
        if (train.dim() != test.dim()) {
            throw new IllegalStateException(evaluator + ": " + source.label() + " features of the train split have size "
                    + train.dim() + " but the test split's have " + test.dim());
        }
        int classes = Math.max(train.numClasses(), test.numClasses());
        check(train, "train", classes, evaluator);
        check(test, "test", classes, evaluator);
        return new LabelledSplits(train, test, classes);
    }

    private static void check(Features f, String split, int classes, String evaluator) {
        if (classes <= 0) {
            throw new IllegalStateException(evaluator + " needs labelled data, but the " + split
                    + " split has no labels; configure a labelled data.test (and data.probe-train) or remove " + evaluator
                    + " from evaluate");
        }
        for (int i = 0; i < f.count(); i++) {
            int label = f.labels()[i];
            if (label < 0 || label >= classes) {
                throw new IllegalStateException(evaluator + ": image " + i + " of the " + split + " split has label " + label
                        + ", outside [0, " + classes + "); " + evaluator + " needs every image labelled");
            }
        }
    }
}
