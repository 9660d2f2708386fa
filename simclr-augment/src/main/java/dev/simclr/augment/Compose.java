package dev.simclr.augment;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Operators applied in list order ({@code Compose.__call__}, transforms.py 93-96). Presets are
 * compositions; the batch pipeline flattens them so resampling members can use its buffers.
 */
public final class Compose implements Augmentation {

    private final List<Augmentation> members;

    public Compose(List<Augmentation> members) {
        this.members = List.copyOf(members);
    }

    public List<Augmentation> members() {
        return members;
    }

    /** The operators of {@code ops} with every composition expanded in place, recursively. */
    public static List<Augmentation> flatten(List<Augmentation> ops) {
        List<Augmentation> out = new ArrayList<>();
        for (Augmentation op : ops) {
            if (op instanceof Compose c) {
                out.addAll(flatten(c.members));
            } else {
                out.add(op);
            }
        }
        return out;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        FloatImage x = image;
        for (Augmentation op : members) {
            x = op.apply(x, rng);
        }
        return x;
    }

    @Override
    public ImageShape outputShape(ImageShape input) {
        ImageShape s = input;
        for (Augmentation op : members) {
            s = op.outputShape(s);
        }
        return s;
    }

    /** The composition of the members' evaluation forms, members without one left out; null when none has one. */
    @Override
    public Augmentation evaluationForm() {
        List<Augmentation> forms = new ArrayList<>();
        for (Augmentation op : members) {
            Augmentation f = op.evaluationForm();
            if (f != null) {
                forms.add(f);
            }
        }
        return forms.isEmpty() ? null : new Compose(forms);
    }

    @Override
    public String toString() {
        return members.toString();
    }
}
