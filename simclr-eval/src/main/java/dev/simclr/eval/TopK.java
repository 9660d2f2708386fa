package dev.simclr.eval;

/**
 * Top-k scoring of per-class scores. A tie is broken towards the lower class index, the order
 * {@code torch.topk} gives on CPU in practice, so a row of equal scores counts as a hit only for
 * the first k classes.
 */
public final class TopK {

    private TopK() {}

    /**
     * Whether {@code label} is among the {@code k} best of {@code classes} scores starting at
     * {@code offset}.
     */
    public static boolean hit(float[] scores, int offset, int classes, int label, int k) {
        float own = scores[offset + label];
        if (Float.isNaN(own)) {
            return false; // a diverged model must not score
        }
        int better = 0;
        for (int c = 0; c < classes; c++) {
            float s = scores[offset + c];
            if (s > own || (s == own && c < label) || Float.isNaN(s)) {
                better++;
                if (better >= k) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Per row, whether its label is within the top {@code k} of its scores (rows x classes). */
    public static boolean[] hits(float[] scores, int[] labels, int classes, int k) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = hit(scores, i * classes, classes, labels[i], k);
        }
        return out;
    }

    /** Fraction of rows whose label is within the top {@code k} of its scores (rows x classes). */
    public static double accuracy(float[] scores, int[] labels, int classes, int k) {
        if (labels.length == 0) {
            return 0.0;
        }
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (hit(scores, i * classes, classes, labels[i], k)) {
                hits++;
            }
        }
        return hits / (double) labels.length;
    }
}
