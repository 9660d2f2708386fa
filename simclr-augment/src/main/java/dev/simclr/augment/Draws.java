package dev.simclr.augment;

import java.util.random.RandomGenerator;

/**
 * The random primitives torchvision's transforms use, driven by a {@link RandomGenerator}: float32
 * uniforms ({@code torch.empty(1).uniform_(lo, hi)}, {@code torch.rand(1)}), integers
 * ({@code torch.randint}) and permutations ({@code torch.randperm}). The algorithms match
 * torchvision's; the bit streams do not (torch's generator is not reproduced), so the
 * distributions are the same and the exact draws are ours.
 */
public final class Draws {

    private static final float TWO_POW_MINUS_24 = 0x1.0p-24f;

    private Draws() {
    }

    /** {@code torch.rand(1)}: a float32 in [0, 1) with 24 random bits, as torch's float uniform has. */
    public static float rand(RandomGenerator rng) {
        return (rng.nextInt() >>> 8) * TWO_POW_MINUS_24;
    }

    /**
     * {@code torch.empty(1).uniform_(lo, hi)}: a float32 in [lo, hi); the bounds are taken as float32
     * as torch does for a float tensor.
     */
    public static float uniform(RandomGenerator rng, double lo, double hi) {
        float a = (float) lo;
        float b = (float) hi;
        float v = rand(rng) * (b - a) + a;
        // Rounding may land on the open upper bound; keep the interval half-open.
        return v >= b && b > a ? Math.nextDown(b) : v;
    }

    /** {@code torch.randint(0, bound, (1,))}: uniform over {0, ..., bound - 1}. */
    public static int randint(RandomGenerator rng, int bound) {
        return bound <= 1 ? 0 : rng.nextInt(bound);
    }

    /** {@code torch.randperm(n)} into {@code out[0..n)}: a uniformly random permutation. */
    public static void randperm(RandomGenerator rng, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    /**
     * {@code RandomApply} / {@code RandomHorizontalFlip} style coin: true with probability p. Uses
     * torchvision's comparison {@code rand < p} (flip, grayscale, solarize); RandomApply's
     * {@code p < rand -> skip} differs only on a draw exactly equal to p.
     */
    public static boolean coin(RandomGenerator rng, double p) {
        return rand(rng) < (float) p;
    }

    /** {@code RandomApply.forward} (transforms.py 528-533): skipped when {@code p < rand}. */
    public static boolean randomApply(RandomGenerator rng, double p) {
        return !((float) p < rand(rng));
    }
}
