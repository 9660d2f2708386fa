package dev.simclr.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded choice of which images an evaluator looks at, so a run's pictures repeat exactly. */
public final class Sampling {

    private Sampling() {}

    /** All of {@code 0..count-1}, or a seeded sample of {@code max} distinct indices, ascending. */
    public static int[] indices(int count, int max, long seed) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        if (count <= max) {
            return all;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(count - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, max);
        Arrays.sort(picked);
        return picked;
    }
}
