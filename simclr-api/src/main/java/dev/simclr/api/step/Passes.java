package dev.simclr.api.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@code 2B} views of a step are split into encoder passes: consecutive row ranges of at
 * most {@code passSize} rows that never cross a batch-norm group (a group is B rows for per-view
 * batch norm, all 2B for joint), so each pass's batch statistics come from one view only when BN is
 * per view.
 *
 * @param starts first row of each pass
 * @param ends one past the last row of each pass
 */
public record Passes(int[] starts, int[] ends) {

    /**
     * @param rows all views of the step (2B)
     * @param groupSize rows that share batch-norm statistics at most (B or 2B); divides {@code rows}
     * @param passSize rows per pass at most; 0 or more than {@code groupSize} means one pass per group
     */
    public static Passes of(int rows, int groupSize, int passSize) {
        if (rows <= 0 || groupSize <= 0 || rows % groupSize != 0) {
            throw new IllegalArgumentException("cannot split " + rows + " views into batch-norm groups of " + groupSize
                    + "; the group must be B (per-view) or 2B (joint) rows");
        }
        int pass = passSize > 0 ? Math.min(passSize, groupSize) : groupSize;
        List<int[]> ranges = new ArrayList<>();
        for (int group = 0; group < rows; group += groupSize) {
            for (int a = group; a < group + groupSize; a += pass) {
                ranges.add(new int[] {a, Math.min(group + groupSize, a + pass)});
            }
        }
        int[] s = new int[ranges.size()];
        int[] e = new int[ranges.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ranges.get(i)[0];
            e[i] = ranges.get(i)[1];
        }
        return new Passes(s, e);
    }

    public int count() {
        return starts.length;
    }

    /**
     * Projections of all rows of {@code views}, in row order, one training-mode forward pass of
     * {@code network} per range (recorded by autograd when a gradient collector is open).
     */
    public NDArray project(ParameterStore ps, Block network, NDArray views) {
        if (count() == 1) {
            // one pass: no concat (DJL's concat of a single array drops the autograd history)
            return network.forward(ps, new NDList(views), true).singletonOrThrow();
        }
        NDList parts = new NDList();
        for (int i = 0; i < count(); i++) {
            NDArray slice = views.get(new NDIndex("{}:{}", starts[i], ends[i]));
            parts.add(network.forward(ps, new NDList(slice), true).singletonOrThrow());
        }
        return NDArrays.concat(parts);
    }
}
