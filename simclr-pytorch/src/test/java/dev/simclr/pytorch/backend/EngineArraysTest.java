package dev.simclr.pytorch.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.EngineArrays;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineArraysTest {

    private static final int FLOATS = 1 << 20; // 4 MiB per array
    private static final int ARRAYS = 8;

    @Test
    void uploadedArrayHoldsTheValuesInItsShape() {
        float[] data = new float[24];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.5f - 3f;
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = EngineArrays.of(manager, data, new Shape(2, 3, 4));
            manager.create(new float[1024]); // reuse of freed memory would show in the values below
            assertEquals(new Shape(2, 3, 4), a.getShape());
            assertArrayEquals(data, a.toFloatArray());
            assertArrayEquals(data, a.mul(1f).toFloatArray());
        }
    }

    @Test
    void openUploadsHoldNoDirectBufferWhereDjlsCreateHoldsOne() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            List<NDArray> kept = new ArrayList<>();
            long before = directBytes();
            for (int i = 0; i < ARRAYS; i++) {
                kept.add(EngineArrays.of(manager, new float[FLOATS], new Shape(FLOATS)));
            }
            long ours = directBytes() - before;
            before = directBytes();
            for (int i = 0; i < ARRAYS; i++) {
                kept.add(manager.create(new float[FLOATS], new Shape(FLOATS)));
            }
            long djl = directBytes() - before;
            // the arrays are open and reachable, so no collection can free DJL's buffers meanwhile;
            // one array's worth of slack: earlier tests' buffers may be freed while this one runs
            long array = (long) FLOATS * Float.BYTES;
            assertTrue(djl >= (ARRAYS - 1) * array, "create(float[]) kept " + djl + " bytes of direct buffers");
            assertTrue(ours < array, "EngineArrays.of kept " + ours + " bytes of direct buffers");
            assertEquals(2 * ARRAYS, kept.size());
        }
    }

    private static long directBytes() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("the JVM reports no direct buffer pool");
    }
}
