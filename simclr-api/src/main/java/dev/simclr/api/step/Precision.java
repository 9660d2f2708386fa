package dev.simclr.api.step;

import java.util.Locale;

/**
 * The arithmetic of the training step's forward pass ({@code train.precision}). Weights, optimizer
 * state, batch-norm statistics and the loss are fp32 in every precision; {@link #BF16} computes
 * the convolutions and matrix products in bfloat16 (mixed precision, Micikevicius et al. 2018,
 * arXiv:1710.03740, with bfloat16's fp32 exponent range, so no loss scaling).
 */
public enum Precision {
    /** Everything in fp32. */
    FP32,
    /** Convolutions and matrix products in bfloat16 from fp32 master weights; the rest in fp32. */
    BF16;

    /** The YAML spelling. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision fromKey(String key) {
        for (Precision p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + key + "': use fp32 or bf16");
    }
}
