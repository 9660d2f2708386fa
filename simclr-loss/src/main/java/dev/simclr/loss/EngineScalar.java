package dev.simclr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A number as a 0-dimensional array that is safe to keep in an autograd graph.
 *
 * <p>DJL's {@code NDArray.div(Number)}, {@code mul(Number)}, {@code maximum(Number)} and the like
 * (PyTorch engine 0.36) wrap the number in a CPU tensor that aliases a Java direct buffer and close
 * that array as soon as the operation returns. Autograd keeps the tensor for the backward pass (a
 * division's gradient divides by it, a maximum's compares with it), while the buffer becomes garbage:
 * when a collection runs between the forward and the backward pass, the backward pass reads freed
 * memory. It did: a gradient of infinity from {@code x.div(0.2)} with {@code System.gc()} in between
 * (NtXentLossTest), and a training run whose loss became NaN at one step of 1 404.
 *
 * <p>Here the engine copies the number into storage of its own, so nothing the graph keeps points
 * into Java memory. The type is the one DJL gives the number ({@code Double}: float64, {@code Float}:
 * float32), so the results are the same as with the {@code Number} overloads.
 */
final class EngineScalar {

    private EngineScalar() {}

    /** {@code value} as a 0-dimensional array in {@code manager} whose storage the engine owns. */
    static NDArray of(NDManager manager, Number value) {
        try (NDArray aliased = manager.create(value)) {
            return aliased.duplicate();
        }
    }
}
