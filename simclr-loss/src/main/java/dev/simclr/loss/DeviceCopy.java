package dev.simclr.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;

/**
 * How an array reaches another device. {@link GlobalBatch} takes it as a parameter so that a test
 * on one CPU can stand in for a copy between two real devices.
 */
@FunctionalInterface
public interface DeviceCopy {

    /** The values of {@code array} on {@code target}; whether autograd records the copy is not promised. */
    NDArray copy(NDArray array, Device target);

    /**
     * The engine's own copy, {@link NDArray#toDevice}. Between two real devices DJL's PyTorch engine
     * makes it without recording it for autograd; on the device the array is already on it returns
     * the same array, history included. {@link GlobalBatch} is correct for both.
     */
    static DeviceCopy engine() {
        return (array, target) -> array.toDevice(target, false);
    }
}
