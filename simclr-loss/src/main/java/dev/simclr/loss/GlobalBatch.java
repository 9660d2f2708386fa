package dev.simclr.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;

/**
 * Assembles the global contrastive batch from per-device projections, so that every view is
 * contrasted with the views of all devices, not only those of its own slice: each positive pair has
 * the {@code 2(N - 1)} other views of the whole batch of N images as negatives (Chen et al. 2020,
 * section 2.2; {@code tf2/objective.py} concatenates the projections across replicas the same way).
 */
public final class GlobalBatch {

    private GlobalBatch() {}

    /**
     * Moves each device's projections to {@code target} and lays them out as one global batch.
     *
     * <p>In: one {@code [2b_k, D]} array per device, each in the contrastive layout of its own slice
     * (its {@code b_k} first views, then the same images' second views); slices may differ in size.
     * Out: {@code [2B, D]} with {@code B = sum b_k}, the first views of device 0, 1, ... then the second
     * views in the same order, which is the layout {@link NtXentLoss} expects. The copies and the
     * concatenation are recorded by autograd: the gradient of a loss over the result flows back to
     * every device's projections.
     *
     * @param perDeviceProjections the slices, in device order
     * @param target the device where the loss is computed
     */
    public static NDArray gather(List<NDArray> perDeviceProjections, Device target) {
        if (perDeviceProjections.isEmpty()) {
            throw new IllegalArgumentException("no projections to gather: pass one [2b, D] array per device");
        }
        int n = perDeviceProjections.size();
        NDList firstViews = new NDList(n);
        NDList secondViews = new NDList(n);
        long dim = -1;
        for (int k = 0; k < n; k++) {
            NDArray slice = perDeviceProjections.get(k);
            long[] shape = slice.getShape().getShape();
            if (shape.length != 2 || shape[0] < 2 || shape[0] % 2 != 0) {
                throw new IllegalArgumentException("projections of device " + k + " (" + slice.getDevice()
                        + ") must be [2b, D] with b first views then b second views, got " + slice.getShape());
            }
            if (dim >= 0 && shape[1] != dim) {
                throw new IllegalArgumentException("projections of device " + k + " have " + shape[1]
                        + " dimensions but those of device 0 have " + dim + ": all devices must use the same head");
            }
            dim = shape[1];
            long b = shape[0] / 2;
            NDArray onTarget = slice.toDevice(target, false);
            firstViews.add(onTarget.get(new NDIndex("0:{}", b)));
            secondViews.add(onTarget.get(new NDIndex("{}:", b)));
        }
        NDList all = new NDList(2 * n);
        all.addAll(firstViews);
        all.addAll(secondViews);
        return NDArrays.concat(all, 0);
    }
}
