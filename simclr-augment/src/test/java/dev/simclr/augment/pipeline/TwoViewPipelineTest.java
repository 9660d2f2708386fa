package dev.simclr.augment.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Augmentation;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.augment.SimclrPresetProvider;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TwoViewPipelineTest {

    private static ImageStore store(int n, ImageShape shape) {
        byte[] px = new byte[n * shape.size()];
        new SplittableRandom(7).nextBytes(px);
        return new ImageStore("test images", shape, px, null, null);
    }

    private static List<Augmentation> preset(int size, boolean blur) {
        return List.of(SimclrPresetProvider.build(size, 1.0, blur, 0.5, new double[] {0.5}, new double[] {0.5}));
    }

    private static float[] batch(ImageStore data, List<Augmentation> ops, int threads, int epoch, int[] idx) throws Exception {
        try (TwoViewPipeline p = new TwoViewPipeline(data, ops, threads, 99)) {
            TwoViewBatch b = p.submit(epoch, idx).get();
            return b.data().clone();
        }
    }

    @Test
    void batchesAreBitIdenticalForOneAndFourThreads() throws Exception {
        ImageStore data = store(40, new ImageShape(3, 32, 32));
        int[] idx = {5, 3, 17, 0, 39, 22, 8, 8, 11, 30, 2, 1};
        float[] one = batch(data, preset(32, true), 1, 3, idx);
        float[] four = batch(data, preset(32, true), 4, 3, idx);
        assertArrayEquals(one, four);
    }

    @Test
    void viewsDependOnImageIndexAndEpochNotOnBatchPosition() throws Exception {
        ImageStore data = store(10, new ImageShape(3, 24, 24));
        List<Augmentation> ops = preset(16, false);
        int size = 3 * 16 * 16;
        float[] ab = batch(data, ops, 2, 0, new int[] {4, 6});
        float[] ba = batch(data, ops, 2, 0, new int[] {6, 4});
        // view 1 of image 4: row 0 in ab, row 1 in ba; view 2 of image 4: row 2 in ab, row 3 in ba
        assertArrayEquals(Arrays.copyOfRange(ab, 0, size), Arrays.copyOfRange(ba, size, 2 * size));
        assertArrayEquals(Arrays.copyOfRange(ab, 2 * size, 3 * size), Arrays.copyOfRange(ba, 3 * size, 4 * size));
        float[] nextEpoch = batch(data, ops, 2, 1, new int[] {4, 6});
        assertFalse(Arrays.equals(ab, nextEpoch), "another epoch must give other views");
        assertFalse(Arrays.equals(Arrays.copyOfRange(ab, 0, size), Arrays.copyOfRange(ab, 2 * size, 3 * size)),
                "the two views of one image must differ");
    }

    @Test
    void rowsHoldViewOneThenViewTwoAsTheTransformsWouldMakeThem() throws Exception {
        ImageShape shape = new ImageShape(3, 20, 20);
        ImageStore data = store(6, shape);
        List<Augmentation> ops = preset(12, true);
        int[] idx = {2, 5, 1};
        float[] got = batch(data, ops, 3, 7, idx);
        int size = 3 * 12 * 12;
        byte[] px = new byte[shape.size()];
        for (int k = 0; k < idx.length; k++) {
            for (int view = 0; view < 2; view++) {
                data.copyPixels(idx[k], px, 0);
                FloatImage img = FloatImage.fromBytes(shape, px, 0);
                FloatImage r = Transforms.apply(ops, img, ViewRandom.forView(99, 7, idx[k], view));
                int row = view * idx.length + k;
                assertArrayEquals(Arrays.copyOf(r.data(), size), Arrays.copyOfRange(got, row * size, (row + 1) * size),
                        "row " + row);
            }
        }
    }

    @Test
    void submitsAheadReusePooledBuffersAndReportShape() throws Exception {
        ImageStore data = store(64, new ImageShape(1, 28, 28));
        try (TwoViewPipeline p = new TwoViewPipeline(data, preset(32, false), 2, 1)) {
            assertEquals(new ImageShape(1, 32, 32), p.viewShape());
            Future<TwoViewBatch> first = p.submit(0, new int[] {0, 1, 2, 3});
            Future<TwoViewBatch> second = p.submit(0, new int[] {4, 5, 6, 7});
            TwoViewBatch a = first.get();
            assertEquals(4, a.batchSize());
            assertEquals(2 * 4 * 32 * 32, a.data().length);
            assertArrayEquals(new int[] {0, 1, 2, 3}, a.indices());
            assertTrue(a.prepareSeconds() >= 0);
            float[] buffer = a.data();
            a.release();
            assertThrows(IllegalStateException.class, a::data);
            second.get().release();
            TwoViewBatch third = p.submit(1, new int[] {8, 9, 10, 11}).get();
            assertTrue(third.data() == buffer || third.data().length == buffer.length, "buffers come from the pool");
        }
    }

    @Test
    void operatorFailureSurfacesThroughTheFuture() {
        ImageStore data = store(4, new ImageShape(3, 8, 8));
        Augmentation broken = (img, rng) -> {
            throw new IllegalArgumentException("broken operator");
        };
        try (TwoViewPipeline p = new TwoViewPipeline(data, List.of(broken), 2, 1)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> p.submit(0, new int[] {0, 1}).get());
            assertTrue(e.getCause().getMessage().contains("broken operator"));
            assertThrows(IllegalArgumentException.class, () -> p.submit(0, new int[] {4}));
        }
    }

    @Test
    void viewKeysDifferAcrossEveryCoordinate() {
        long base = ViewRandom.key(1, 2, 3, 0);
        assertFalse(base == ViewRandom.key(1, 2, 3, 1));
        assertFalse(base == ViewRandom.key(1, 2, 4, 0));
        assertFalse(base == ViewRandom.key(1, 3, 3, 0));
        assertFalse(base == ViewRandom.key(2, 2, 3, 0));
        assertEquals(base, ViewRandom.key(1, 2, 3, 0));
    }
}
