package dev.simclr.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch engine maps every CPU index to the one CPU device, so these tests split a batch into
 * slices on the CPU; a copy that drops the autograd history stands in for one between two real
 * devices, which DJL's PyTorch engine makes without recording it.
 */
class GlobalBatchTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A copy between two real devices as DJL's PyTorch engine makes it: the values, without autograd history. */
    private static final DeviceCopy DETACHING = (array, target) -> array.stopGradient().duplicate();

    @Test
    void slicesGatheredThroughADetachingCopyGiveTheSingleDeviceLossAndGradients() {
        assertGatheredEqualsSingleDevice(DETACHING);
    }

    @Test
    void slicesGatheredThroughTheEngineCopyGiveTheSingleDeviceLossAndGradients() {
        // on one CPU the engine's copy returns the same array, history included: the gradient must not count twice
        assertGatheredEqualsSingleDevice(DeviceCopy.engine());
    }

    private void assertGatheredEqualsSingleDevice(DeviceCopy copy) {
        // the largest reference batch, split over three devices (unevenly unless it divides by 3)
        GoldenNtXent ref = GoldenNtXent.all().stream().max(Comparator.comparingInt(GoldenNtXent::batch)).orElseThrow();
        int pairs = ref.batch();
        assertTrue(pairs >= 3, "the largest reference batch, " + ref + ", has fewer than 3 pairs to split");
        int[] slicePairs = {(pairs + 2) / 3, (pairs + 1) / 3, pairs / 3};
        NDArray global = manager.create(ref.projections(), new Shape(2L * pairs, ref.dim()));

        try (NtXentLoss loss = new NtXentLoss(ref.temperature())) {
            NtXentLossTest.Outcome single = NtXentLossTest.lossAndGradient(loss, global.duplicate());

            List<NDArray> slices = new ArrayList<>();
            int start = 0;
            for (int b : slicePairs) {
                NDArray first = global.get(new NDIndex("{}:{}", start, start + b));
                NDArray second = global.get(new NDIndex("{}:{}", pairs + start, pairs + start + b));
                NDArray slice = NDArrays.concat(new NDList(first, second), 0);
                slice.setRequiresGradient(true);
                slices.add(slice);
                start += b;
            }
            float gatheredLoss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                List<NDArray> projected = new ArrayList<>();
                for (NDArray slice : slices) {
                    projected.add(slice.mul(1f)); // a graph per device, as an encoder's output has
                }
                gatheredLoss = GlobalBatch.backward(gc, loss, projected, Device.cpu(), copy).loss().getFloat();
            }

            assertEquals(single.loss(), gatheredLoss, 1e-6);
            assertEquals(ref.loss(), gatheredLoss, 1e-5);
            NDArray singleGrad = manager.create(single.gradient(), global.getShape());
            start = 0;
            for (int k = 0; k < slicePairs.length; k++) {
                int b = slicePairs[k];
                NDArray expected = NDArrays.concat(new NDList(
                        singleGrad.get(new NDIndex("{}:{}", start, start + b)),
                        singleGrad.get(new NDIndex("{}:{}", pairs + start, pairs + start + b))), 0);
                double error = NtXentLossTest.maxAbsDifference(
                        slices.get(k).getGradient().toFloatArray(), expected.toFloatArray());
                assertTrue(error < 1e-6, "slice " + k + " gradient error " + error);
                start += b;
            }
        }
    }

    @Test
    void layoutIsAllFirstViewsThenAllSecondViewsInDeviceOrder() {
        // rows are labelled view*100 + image: device 0 holds images 0-1, device 1 holds image 2
        NDArray device0 = manager.create(new float[] {100, 101, 200, 201}, new Shape(4, 1));
        NDArray device1 = manager.create(new float[] {102, 202}, new Shape(2, 1));
        NDArray global = GlobalBatch.gather(List.of(device0, device1), Device.cpu());
        assertArrayEquals(new float[] {100, 101, 102, 200, 201, 202}, global.toFloatArray());
    }

    @Test
    void slicesThatAreNotPairsOrDifferInWidthAreRejected() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> GlobalBatch.gather(List.of(manager.ones(new Shape(4, 2)), manager.ones(new Shape(3, 2))), Device.cpu()));
        assertTrue(odd.getMessage().contains("device 1"), odd.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GlobalBatch.gather(List.of(manager.ones(new Shape(4, 2)), manager.ones(new Shape(2, 3))), Device.cpu()));
        assertThrows(IllegalArgumentException.class, () -> GlobalBatch.gather(List.of(), Device.cpu()));
    }
}
