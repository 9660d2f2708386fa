package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The TensorFlow operators an interpreted forward pass uses. Every result is created in
 * {@code pass}, the manager of the current batch, including those computed from parameters alone
 * (a transposed filter, a folded batch-norm scale), so nothing accumulates in the manager that
 * holds the network's parameters.
 */
final class TfOps {

    private TfOps() {}

    static NDArray transpose(NDManager pass, NDArray x, int... perm) {
        return TfOp.of(pass, "Transpose").input(x).input(pass.create(perm)).run();
    }

    /**
     * 2-d convolution of a channels-last input with a {@code [KH, KW, in, out]} filter and explicit
     * zero padding per side, as {@code torch.nn.functional.conv2d} pads.
     */
    static NDArray conv2d(NDManager pass, NDArray x, NDArray filter, long[] stride, long[] dilation, long[] padding) {
        return TfOp.of(pass, "Conv2D").input(x).input(filter)
                .attr("strides", 1, stride[0], stride[1], 1)
                .attr("dilations", 1, dilation[0], dilation[1], 1)
                .attr("padding", "EXPLICIT")
                .attr("explicit_paddings", 0, 0, padding[0], padding[0], padding[1], padding[1], 0, 0)
                .attr("data_format", "NHWC")
                .run();
    }

    /**
     * Max pooling of a channels-last input. Padding cells hold the lowest float so they never win,
     * which is how {@code torch.nn.functional.max_pool2d} treats its implicit padding; TensorFlow's
     * MaxPool only pads SAME or VALID, so the padding is explicit here.
     */
    static NDArray maxPool(NDManager pass, NDArray x, long[] kernel, long[] stride, long[] padding) {
        NDArray in = x;
        if (padding[0] > 0 || padding[1] > 0) {
            int[] pads = {0, 0, (int) padding[0], (int) padding[0], (int) padding[1], (int) padding[1], 0, 0};
            in = TfOp.of(pass, "PadV2").input(x).input(pass.create(pads).reshape(4, 2))
                    .input(pass.create(-Float.MAX_VALUE)).run();
        }
        return TfOp.of(pass, "MaxPool").input(in)
                .attr("ksize", 1, kernel[0], kernel[1], 1)
                .attr("strides", 1, stride[0], stride[1], 1)
                .attr("padding", "VALID")
                .attr("data_format", "NHWC")
                .run();
    }

    /** Mean over the given axes, which are dropped. */
    static NDArray mean(NDManager pass, NDArray x, int... axes) {
        return TfOp.of(pass, "Mean").input(x).input(pass.create(axes)).run();
    }

    /** {@code x W^T} for a {@code [units, in]} weight, as DJL's and torch's Linear store it. */
    static NDArray matMulTransposed(NDManager pass, NDArray x, NDArray weight) {
        return TfOp.of(pass, "MatMul").input(x).input(weight).attr("transpose_b", true).run();
    }

    static NDArray relu(NDManager pass, NDArray x) {
        return TfOp.of(pass, "Relu").input(x).run();
    }

    /** Element-wise sum with broadcasting (a vector adds along the last axis). */
    static NDArray add(NDManager pass, NDArray a, NDArray b) {
        return TfOp.of(pass, "AddV2").input(a).input(b).run();
    }

    static NDArray sub(NDManager pass, NDArray a, NDArray b) {
        return TfOp.of(pass, "Sub").input(a).input(b).run();
    }

    /** Element-wise product with broadcasting (a vector scales along the last axis). */
    static NDArray mul(NDManager pass, NDArray a, NDArray b) {
        return TfOp.of(pass, "Mul").input(a).input(b).run();
    }

    static NDArray rsqrt(NDManager pass, NDArray x) {
        return TfOp.of(pass, "Rsqrt").input(x).run();
    }
}
