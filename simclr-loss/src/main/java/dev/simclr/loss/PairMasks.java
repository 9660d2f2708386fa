package dev.simclr.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The constant arrays NT-Xent needs for a batch of {@code B} pairs ({@code 2B} rows): which column
 * is each row's positive, and additive masks that remove candidates from a softmax or a max. Built
 * with array operations (no per-element Java loops) on the device of the projections, once per
 * batch size, device and type (see {@link NtXentLoss}).
 *
 * @param partner {@code [2B, 1]} int64: the column of row {@code i}'s positive, {@code (i + B) mod 2B}
 * @param self {@code [2B, 2B]} identity: 1 on the diagonal (a row compared with itself)
 * @param selfPenalty {@code [2B, 2B]}: {@link #EXCLUDED} on the diagonal, 0 elsewhere; added to the
 *     logits it takes each row out of its own softmax
 * @param negativesPenalty {@code [2B, 2B]}: {@link #EXCLUDED} on the diagonal and at the partner,
 *     0 at the {@code 2B - 2} negatives; added to similarities it leaves only negatives for a max
 * @param manager owns the arrays above; closed with them
 */
record PairMasks(
        NDArray partner, NDArray self, NDArray selfPenalty, NDArray negativesPenalty, NDManager manager)
        implements AutoCloseable {

    /**
     * A large finite negative: exp of it underflows to exactly 0 in a softmax, and unlike -inf it
     * never turns into NaN when multiplied by 0 or subtracted from itself.
     */
    static final float EXCLUDED = -1e9f;

    /**
     * @param engineManager any manager of the engine to use (a new manager is made from its engine)
     * @param pairs {@code B}, the number of images (rows are {@code 2B})
     */
    static PairMasks build(NDManager engineManager, int pairs, Device device, DataType type) {
        NDManager manager = engineManager.getEngine().newBaseManager(device);
        int rows = 2 * pairs;
        NDArray partner = manager.arange(rows).add(pairs).mod(rows).toType(DataType.INT64, false)
                .reshape(new Shape(rows, 1));
        NDArray self = manager.eye(rows).toType(type, false);
        NDArray positives = partner.squeeze(1).oneHot(rows).toType(type, false);
        NDArray selfPenalty = self.mul(EXCLUDED);
        NDArray negativesPenalty = self.add(positives).mul(EXCLUDED);
        positives.close();
        return new PairMasks(partner, self, selfPenalty, negativesPenalty, manager);
    }

    boolean isUsable() {
        return manager.isOpen();
    }

    @Override
    public void close() {
        manager.close();
    }
}
