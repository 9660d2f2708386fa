package dev.simclr.models;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Walks block trees in tests. */
final class Blocks {

    private Blocks() {}

    /** Every block of the given class in the tree, in depth-first order. */
    static <T extends Block> List<T> find(Block root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends Block> void collect(Block b, Class<T> type, List<T> out) {
        if (type.isInstance(b)) {
            out.add(type.cast(b));
        }
        for (Block child : b.getChildren().values()) {
            collect(child, type, out);
        }
    }

    /** Number of trainable parameter elements (torch's {@code requires_grad} parameters). */
    static long trainableParameters(Block root) {
        long n = 0;
        for (Parameter p : root.getParameters().values()) {
            if (p.requiresGradient()) {
                n += p.getArray().size();
            }
        }
        return n;
    }
}
