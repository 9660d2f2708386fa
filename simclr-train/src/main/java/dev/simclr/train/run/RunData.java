package dev.simclr.train.run;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.config.RunConfig;
import java.io.IOException;

/**
 * The datasets of a run, opened once and checked together: evaluators need labelled probe-training
 * and test data of one image size.
 *
 * @param train the pre-training data
 * @param test the test data, or null
 * @param probeTrain what evaluators fit on: {@code data.probe-train}, or the training data
 */
record RunData(ImageDataset train, ImageDataset test, ImageDataset probeTrain) {

    static RunData open(Components parts) throws IOException {
        RunConfig c = parts.config();
        ImageDataset train = parts.dataset(c.trainData());
        ImageDataset test = c.testData() == null ? null : parts.dataset(c.testData());
        ImageDataset probeTrain = c.probeTrainData() == null ? train : parts.dataset(c.probeTrainData());
        if (!c.evaluate().isEmpty()) {
            if (!probeTrain.labeled()) {
                throw new IllegalArgumentException((c.probeTrainData() == null ? "data.train" : "data.probe-train")
                        + ": the evaluators need labelled data to fit on, but " + probeTrain.description()
                        + " has no labels; add data.probe-train with labelled images");
            }
            if (test != null && !test.labeled()) {
                throw new IllegalArgumentException("data.test: " + test.description() + " has no labels; evaluation needs labelled test data");
            }
            if (test != null && !test.shape().equals(probeTrain.shape())) {
                throw new IllegalArgumentException("data.test images are " + test.shape() + " but the probe's training images are "
                        + probeTrain.shape() + "; give both the same size (e.g. image-folder size:)");
            }
        }
        return new RunData(train, test, probeTrain);
    }

    /** Refuses the online kNN monitor without labelled data to run it on. */
    void requireKnnData(int knnEvery) {
        if (knnEvery > 0 && (test == null || !probeTrain.labeled() || !test.labeled())) {
            throw new IllegalArgumentException("train.knn-every needs labelled data.test and labelled probe-training data "
                    + "(data.probe-train, or a labelled data.train); add them or set train.knn-every: 0");
        }
    }

    /** One line for the console: what the run trains on and tests on. */
    String describe() {
        return train.description() + " (" + train.size() + " images " + train.shape() + ")"
                + (test != null ? "; test " + test.description() + " (" + test.size() + ")" : "");
    }
}
