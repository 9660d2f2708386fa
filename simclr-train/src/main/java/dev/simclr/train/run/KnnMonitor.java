package dev.simclr.train.run;

import ai.djl.nn.Block;
import dev.simclr.api.ImageDataset;

/**
 * A quick kNN accuracy of the encoder while it trains ({@code train.knn-every}): features of
 * {@link #TRAIN_IMAGES} probe-training and {@link #TEST_IMAGES} test images (a sample drawn once
 * with the run's seed, so sorted-by-class data still gives every class) under the
 * current encoder in inference mode (batch norm on running statistics), L2-normalised; each test
 * image takes the label with the largest summed cosine similarity among its {@link #K} nearest
 * training images. A monitor of the trend, not the final evaluation.
 */
final class KnnMonitor {

    static final int K = 20;
    static final int TRAIN_IMAGES = 2000;
    static final int TEST_IMAGES = 1000;

    private final FeatureExtractor extractor;
    private final ImageDataset train;
    private final ImageDataset test;

    KnnMonitor(FeatureExtractor extractor, ImageDataset train, ImageDataset test, long seed) {
        this.extractor = extractor;
        this.train = sample(train, TRAIN_IMAGES, seed);
        this.test = sample(test, TEST_IMAGES, seed + 1);
    }

    /** At most {@code n} images drawn without replacement with {@code seed}, in dataset order. */
    static ImageDataset sample(ImageDataset data, int n, long seed) {
        if (data.size() <= n) {
            return data;
        }
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, n);
        java.util.Arrays.sort(chosen);
        return dev.simclr.api.ImageStore.select(data, chosen, data.description() + ", kNN monitor sample of " + n);
    }

    /** Top-1 accuracy of the kNN classifier under {@code encoder} (feature size {@code dim}). */
    double top1(Block encoder, int dim) {
        int nTrain = train.size();
        int nTest = test.size();
        float[] a = features(encoder, dim, train, nTrain);
        float[] b = features(encoder, dim, test, nTest);
        int classes = Math.max(train.numClasses(), test.numClasses());
        int k = Math.min(K, nTrain);
        int correct = 0;
        float[] sims = new float[nTrain];
        int[] best = new int[k];
        for (int i = 0; i < nTest; i++) {
            for (int j = 0; j < nTrain; j++) {
                float s = 0;
                for (int d = 0; d < dim; d++) {
                    s += b[i * dim + d] * a[j * dim + d];
                }
                sims[j] = s;
            }
            int found = 0;
            for (int j = 0; j < nTrain; j++) {
                // keep the k largest in best[], smallest last
                if (found < k) {
                    best[found++] = j;
                } else if (sims[j] > sims[best[k - 1]]) {
                    best[k - 1] = j;
                } else {
                    continue;
                }
                for (int q = found - 1; q > 0 && sims[best[q]] > sims[best[q - 1]]; q--) {
                    int t = best[q];
                    best[q] = best[q - 1];
                    best[q - 1] = t;
                }
            }
            double[] votes = new double[classes];
            for (int q = 0; q < found; q++) {
                votes[train.label(best[q])] += sims[best[q]];
            }
            int predicted = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[predicted]) {
                    predicted = c;
                }
            }
            if (predicted == test.label(i)) {
                correct++;
            }
        }
        return nTest == 0 ? 0.0 : (double) correct / nTest;
    }

    private float[] features(Block encoder, int dim, ImageDataset data, int n) {
        float[] out = extractor.encode(encoder, dim, data, dev.simclr.api.Progress.silent());
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += out[i * dim + d] * out[i * dim + d];
            }
            float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dim; d++) {
                out[i * dim + d] *= inv;
            }
        }
        return out;
    }
}
