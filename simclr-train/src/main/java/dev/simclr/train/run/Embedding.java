package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.Features;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Progress;
import dev.simclr.api.config.RunConfig;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Encoder features of a dataset under a finished run's encoder: the run's test data, or its
 * training data when it has none.
 */
final class Embedding {

    private final BiFunction<String, Long, Progress> progress;

    Embedding(BiFunction<String, Long, Progress> progress) {
        this.progress = progress;
    }

    Features run(Components parts, RunFolder folder) throws IOException {
        RunConfig config = parts.config();
        try (Backend backend = parts.backend(); NDManager manager = backend.newManager()) {
            TrainedModels.requireTrainedEncoder(folder);
            ImageDataset train = parts.dataset(config.trainData());
            ImageDataset target = config.testData() != null ? parts.dataset(config.testData()) : train;
            List<Augmentation> ops = parts.augmentations();
            SimClrNetwork network = TrainedModels.load(parts, manager, train.shape(), ops, folder);
            FeatureExtractor extractor = new FeatureExtractor(backend, manager, Components.evaluationTransform(ops));
            if (!extractor.inputShape(target).equals(extractor.inputShape(train))) {
                throw new IllegalArgumentException("images of " + target.description() + " become " + extractor.inputShape(target)
                        + " after the evaluation transform, but the encoder was trained on " + extractor.inputShape(train));
            }
            float[] values;
            try (Progress p = progress.apply("embedding " + target.description(), (long) target.size())) {
                values = extractor.encode(network.encoder(), network.featureSize(), target, p);
            }
            int[] labels = new int[target.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = target.label(i);
            }
            return new Features(values, target.size(), network.featureSize(), labels, target.numClasses());
        }
    }
}
