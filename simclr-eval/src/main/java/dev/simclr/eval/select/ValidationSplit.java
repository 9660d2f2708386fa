package dev.simclr.eval.select;

import dev.simclr.api.Features;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified hold-out of the training features: each class gives the same fraction of
 * its images to the validation part (at least one when it has two or more, never all of them), so
 * the class balance of both parts follows the whole split. Settings are chosen on the validation
 * part, then the classifier is refitted on the whole training split (SimCLR, Appendix B.8).
 *
 * @param fit row indices the candidate classifiers are fitted on, ascending
 * @param validation row indices they are scored on, ascending
 */
public record ValidationSplit(int[] fit, int[] validation) {

    /**
     * @param labels class per training row, each in {@code [0, classes)}
     * @param fraction share of each class held out, in (0, 1)
     * @param seed seed of the draw (the run's seed)
     * @throws IllegalArgumentException when no class has two images to spare one
     */
    public static ValidationSplit stratified(int[] labels, int classes, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in (0, 1), got " + fraction);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] held = new boolean[labels.length];
        int heldCount = 0;
        for (List<Integer> rows : byClass) {
            int n = rows.size();
            int take = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction)));
            for (int i = 0; i < take; i++) { // a partial Fisher-Yates shuffle draws the held-out rows
                int j = i + rng.nextInt(n - i);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
                held[rows.get(i)] = true;
            }
            heldCount += take;
        }
        if (heldCount == 0) {
            throw new IllegalArgumentException("cannot hold out a validation split: no class has two training images; "
                    + "give fixed settings instead of a grid");
        }
        int[] fit = new int[labels.length - heldCount];
        int[] validation = new int[heldCount];
        for (int i = 0, f = 0, v = 0; i < labels.length; i++) {
            if (held[i]) {
                validation[v++] = i;
            } else {
                fit[f++] = i;
            }
        }
        return new ValidationSplit(fit, validation);
    }

    /** The fitting part of {@code f}. */
    public Features fitPart(Features f) {
        return rows(f, fit);
    }

    /** The validation part of {@code f}. */
    public Features validationPart(Features f) {
        return rows(f, validation);
    }

    private static Features rows(Features f, int[] rows) {
        int d = f.dim();
        float[] data = new float[rows.length * d];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(f.data(), rows[i] * d, data, i * d, d);
            labels[i] = f.labels()[rows[i]];
        }
        return new Features(data, rows.length, d, labels, f.numClasses());
    }
}
