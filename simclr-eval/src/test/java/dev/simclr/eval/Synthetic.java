package dev.simclr.eval;

import dev.simclr.api.Features;
import java.util.Random;

/** Synthetic labelled features: Gaussian clusters around fixed random centres. */
public final class Synthetic {

    private Synthetic() {}

    /**
     * @param centreSeed seed of the class centres (share it between splits)
     * @param sampleSeed seed of the points
     * @param separation distance scale of the centres relative to the unit noise
     */
    public static Features clusters(int classes, int perClass, int dim, double separation, long centreSeed, long sampleSeed) {
        Random c = new Random(centreSeed);
        double[][] centres = new double[classes][dim];
        for (double[] centre : centres) {
            for (int j = 0; j < dim; j++) {
                centre[j] = c.nextGaussian() * separation;
            }
        }
        Random r = new Random(sampleSeed);
        int n = classes * perClass;
        float[] data = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % classes;
            labels[i] = label;
            for (int j = 0; j < dim; j++) {
                data[i * dim + j] = (float) (centres[label][j] + r.nextGaussian());
            }
        }
        return new Features(data, n, dim, labels, classes);
    }
}
