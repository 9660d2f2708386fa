package dev.simclr.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.LossResult;
import java.util.List;

/**
 * The global contrastive batch of projections made on several devices, so that every view is
 * contrasted with the views of all devices, not only those of its own slice: each positive pair has
 * the {@code 2(N - 1)} other views of the whole batch of N images as negatives (Chen et al. 2020,
 * section 2.2; {@code tf2/objective.py} concatenates the projections across replicas the same way).
 *
 * <p>Gradients do not flow through the gather: a copy between two devices is not recorded by
 * autograd in DJL's PyTorch engine (its {@code toDevice} runs without gradient). So the loss is
 * back-propagated in two passes, as gradient caching does (Gao et al. 2021, arXiv:2101.06983): the
 * loss over the detached global batch Z gives dL/dZ; then each device back-propagates
 * {@code sum(z_k * G_k)}, G_k being its own rows of dL/dZ, which puts {@code G_k^T dz_k/dtheta}, its
 * share of dL/dtheta, into the parameter gradients on that device.
 */
public final class GlobalBatch {

    private GlobalBatch() {}

    /** {@link #gather(List, Device, DeviceCopy)} with the engine's device copy. */
    public static NDArray gather(List<NDArray> perDeviceProjections, Device target) {
        return gather(perDeviceProjections, target, DeviceCopy.engine());
    }

    /**
     * Copies each device's projections, detached, to {@code target} and lays them out as one global
     * batch that requires a gradient of its own.
     *
     * <p>In: one {@code [2b_k, D]} array per device, each in the contrastive layout of its own slice
     * (its {@code b_k} first views, then the same images' second views); slices may differ in size.
     * Out: {@code [2B, D]} with {@code B = sum b_k}, the first views of device 0, 1, ... then the second
     * views in the same order, which is the layout {@link NtXentLoss} expects. It has no autograd
     * history: {@link #backward} carries its gradient back to the devices.
     *
     * @param perDeviceProjections the slices, in device order
     * @param target the device where the loss is computed
     * @param copy how a slice reaches {@code target}
     */
    public static NDArray gather(List<NDArray> perDeviceProjections, Device target, DeviceCopy copy) {
        long[] pairs = pairsPerDevice(perDeviceProjections);
        int n = pairs.length;
        NDList firstViews = new NDList(n);
        NDList secondViews = new NDList(n);
        for (int k = 0; k < n; k++) {
            NDArray onTarget = copy.copy(perDeviceProjections.get(k), target).stopGradient();
            firstViews.add(onTarget.get(new NDIndex("0:{}", pairs[k])));
            secondViews.add(onTarget.get(new NDIndex("{}:", pairs[k])));
        }
        NDList all = new NDList(2 * n);
        all.addAll(firstViews);
        all.addAll(secondViews);
        NDArray global = NDArrays.concat(all, 0);
        global.setRequiresGradient(true);
        return global;
    }

    /**
     * The loss over the global batch, with its gradient accumulated into whatever each device's
     * projections were computed from (the parameters of that device's replica), by the two passes
     * described on this class. Each slice's autograd graph is consumed.
     *
     * @param gc the open gradient collector in which the slices were computed
     * @param loss the contrastive loss over {@code [2B, D]}
     * @param perDeviceProjections {@code [2b_k, D]} per device, as for {@link #gather}
     * @param target the device where the loss is computed
     * @param copy how arrays move between devices
     * @return the loss (without a graph) and its metrics
     */
    public static LossResult backward(GradientCollector gc, ContrastiveLoss loss, List<NDArray> perDeviceProjections, Device target,
            DeviceCopy copy) {
        long[] pairs = pairsPerDevice(perDeviceProjections);
        NDArray global = gather(perDeviceProjections, target, copy);
        LossResult result = loss.compute(global);
        gc.backward(result.loss());
        NDArray dz = global.getGradient();
        long total = global.getShape().get(0) / 2;
        long offset = 0;
        for (int k = 0; k < pairs.length; k++) {
            NDArray z = perDeviceProjections.get(k);
            NDArray share = NDArrays.concat(new NDList(
                    dz.get(new NDIndex("{}:{}", offset, offset + pairs[k])),
                    dz.get(new NDIndex("{}:{}", total + offset, total + offset + pairs[k]))), 0);
            // d/dtheta of sum(z_k * G_k) is G_k^T dz_k/dtheta, device k's share of dL/dtheta
            gc.backward(z.mul(copy.copy(share, z.getDevice())).sum());
            offset += pairs[k];
        }
        return new LossResult(result.loss().stopGradient(), result.metrics());
    }

    /** The number of image pairs b_k in each slice, after checking the slices' shapes. */
    private static long[] pairsPerDevice(List<NDArray> perDeviceProjections) {
        if (perDeviceProjections.isEmpty()) {
            throw new IllegalArgumentException("no projections to gather: pass one [2b, D] array per device");
        }
        long[] pairs = new long[perDeviceProjections.size()];
        long dim = -1;
        for (int k = 0; k < pairs.length; k++) {
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
            pairs[k] = shape[0] / 2;
        }
        return pairs;
    }
}
