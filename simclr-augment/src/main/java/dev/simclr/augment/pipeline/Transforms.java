package dev.simclr.augment.pipeline;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.Compose;
import dev.simclr.augment.ResamplingAugmentation;
import java.util.List;
import java.util.random.RandomGenerator;

/** Applying a list of operators to one image, with or without the pipeline's reusable buffers. */
public final class Transforms {

    private Transforms() {
    }

    /**
     * Applies {@code ops} in order. {@code rng} may be null for deterministic operators (evaluation
     * forms); a random operator given null fails with a message saying so.
     */
    public static FloatImage apply(List<Augmentation> ops, FloatImage img, RandomGenerator rng) {
        RandomGenerator r = rng == null ? NoRandom.INSTANCE : rng;
        FloatImage x = img;
        for (Augmentation op : ops) {
            x = op.apply(x, r);
        }
        return x;
    }

    /** The shape after {@code ops} for inputs of {@code input}. */
    public static ImageShape outputShape(List<Augmentation> ops, ImageShape input) {
        ImageShape s = input;
        for (Augmentation op : ops) {
            s = op.outputShape(s);
        }
        return s;
    }

    /** The evaluation transform of a training list: each operator's evaluation form, in order, nulls dropped. */
    public static List<Augmentation> evaluationForms(List<Augmentation> ops) {
        Augmentation form = new Compose(ops).evaluationForm();
        return form == null ? List.of() : Compose.flatten(List.of(form));
    }

    /**
     * Applies flattened {@code ops} to {@code img} using two scratch buffers for resampling
     * operators; the input image itself is never written when the first operator resamples.
     */
    static FloatImage applyBuffered(List<Augmentation> ops, FloatImage img, RandomGenerator rng, float[] bufA, float[] bufB) {
        FloatImage x = img;
        for (Augmentation op : ops) {
            if (op instanceof ResamplingAugmentation r) {
                float[] out = x.data() == bufA ? bufB : bufA;
                x = r.applyInto(x, out, rng);
            } else {
                x = op.apply(x, rng);
            }
        }
        return x;
    }

    /** Stands in for a missing generator: deterministic operators never call it. */
    private static final class NoRandom implements RandomGenerator {
        static final NoRandom INSTANCE = new NoRandom();

        @Override
        public long nextLong() {
            throw new IllegalStateException("a random operator was applied without a random generator; "
                    + "use the operators' evaluation forms (Transforms.evaluationForms) or pass a generator");
        }
    }
}
