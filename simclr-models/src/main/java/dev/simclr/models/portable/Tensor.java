package dev.simclr.models.portable;

import java.util.Arrays;

/** A float32 tensor read from or written to a file: its shape and its values in row-major order. */
public record Tensor(long[] shape, float[] values) {

    public Tensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + values.length);
        }
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
