package dev.simclr.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Java arrays copied into an engine without leaving native memory behind for the garbage
 * collector. DJL's {@code NDManager.create(float[], Shape)} copies the array into a fresh direct
 * buffer, and its PyTorch engine (0.36) makes a CPU tensor that aliases that buffer: the memory is
 * returned only when the collector finds the buffer, not when the array is closed. A training
 * step or an evaluation allocates little on the Java heap, so collections are rare and those
 * buffers pile up natively (a batch of views every step, the whole feature matrix at every fit
 * of a probe). Here the buffer is freed as soon as the engine holds its own copy.
 *
 * <p>The same aliasing makes DJL's {@code Number} overloads ({@code div(0.2)}, {@code mul(x)},
 * {@code maximum(1e-12f)}, ...) unsafe on a gradient's path: DJL wraps the number in a tensor over
 * a direct buffer and lets the buffer go when the operation returns, while autograd keeps the
 * tensor for the backward pass; a collection in between frees it, and the backward pass reads freed
 * memory (an infinite gradient in NtXentLossTest, a NaN loss in a training run). Use
 * {@link #scalar} for such a number.
 */
public final class EngineArrays {

    private static final Consumer<ByteBuffer> FREE = freer();

    private EngineArrays() {}

    /**
     * {@code value} as a 0-dimensional array in {@code manager} whose storage the engine owns, of the
     * type DJL gives the number ({@code Double}: float64, {@code Float}: float32), so an operation
     * with it gives what the {@code Number} overload gives.
     */
    public static NDArray scalar(NDManager manager, Number value) {
        try (NDArray aliased = manager.create(value)) {
            return aliased.duplicate();
        }
    }

    /** {@code data} as a float32 array of {@code shape} in {@code manager}, owned by the engine. */
    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        if (!"PyTorch".equals(manager.getEngine().getEngineName())) {
            return manager.create(data, shape);
        }
        ByteBuffer staging = ByteBuffer.allocateDirect(Math.multiplyExact(data.length, Float.BYTES)).order(ByteOrder.nativeOrder());
        staging.asFloatBuffer().put(data);
        try {
            NDArray made = manager.create(staging, shape, DataType.FLOAT32);
            if (manager.getDevice().isGpu()) {
                return made; // copied to the device: nothing aliases the staging buffer
            }
            try (made) {
                return made.duplicate(); // a tensor with storage of its own, in the same manager
            }
        } finally {
            FREE.accept(staging);
        }
    }

    /**
     * The JDK's way to free a direct buffer now ({@code sun.misc.Unsafe.invokeCleaner}, public in
     * the jdk.unsupported module); where it is not available the collector frees it, as before.
     */
    private static Consumer<ByteBuffer> freer() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            Method invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
            return buffer -> {
                try {
                    invokeCleaner.invoke(unsafe, buffer);
                } catch (ReflectiveOperationException e) {
                    // left to the collector
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return buffer -> {};
        }
    }
}
