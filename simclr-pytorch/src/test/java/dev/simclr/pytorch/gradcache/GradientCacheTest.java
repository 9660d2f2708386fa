package dev.simclr.pytorch.gradcache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.api.LossResult;
import dev.simclr.api.step.Passes;
import dev.simclr.loss.NtXentLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientCacheTest {

    private static final int B = 6;

    private static Block tinyNetwork(boolean batchNorm) {
        SequentialBlock net = new SequentialBlock();
        net.add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build());
        if (batchNorm) {
            net.add(BatchNorm.builder().build());
        }
        net.add(Activation.reluBlock()).add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(5).build());
        return net;
    }

    /** Parameter gradients after one backward over all views in one graph, split into the given passes. */
    private static Map<String, float[]> oneGraph(ParameterStore ps, Block net, NtXentLoss loss, NDArray x, Passes passes, float[] lossOut) {
        try (GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
            NDList parts = new NDList();
            for (int k = 0; k < passes.count(); k++) {
                NDArray chunk = x.get(new NDIndex("{}:{}", passes.starts()[k], passes.ends()[k]));
                parts.add(net.forward(ps, new NDList(chunk), true).singletonOrThrow());
            }
            // DJL's concat of a single array returns a copy without the autograd history
            NDArray l = loss.compute(parts.size() == 1 ? parts.head() : NDArrays.concat(parts)).loss();
            gc.backward(l);
            lossOut[0] = l.getFloat();
        }
        return takeGradients(net);
    }

    private static Map<String, float[]> takeGradients(Block net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (!p.getValue().requiresGradient()) {
                continue; // batch norm's running statistics
            }
            NDArray g = p.getValue().getArray().getGradient();
            out.put(p.getKey(), g.toFloatArray());
            g.subi(g);
        }
        return out;
    }

    private static void assertSameGradients(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), 1e-5f, "gradient of " + k);
        }
    }

    private record Setup(NDManager manager, Block net, ParameterStore ps, NDArray views) {}

    private static Setup setup(NDManager manager, boolean batchNorm) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        Block net = tinyNetwork(batchNorm);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 5, 5));
        NDArray views = manager.randomUniform(0, 1, new Shape(2 * B, 3, 5, 5));
        return new Setup(manager, net, new ParameterStore(manager, false), views);
    }

    @Test
    void gradientsEqualThoseOfOnePassOverAllViewsWithoutBatchNorm() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NtXentLoss loss = new NtXentLoss(0.5)) {
            Setup s = setup(manager, false);
            float[] direct = new float[1];
            Map<String, float[]> expected = oneGraph(s.ps(), s.net(), loss, s.views(), Passes.of(2 * B, 2 * B, 0), direct);
            LossResult cached = GradientCache.step(s.ps(), s.net(), loss, s.views(), Passes.of(2 * B, B, 4));
            assertEquals(direct[0], cached.loss().getFloat(), 1e-6f);
            assertSameGradients(expected, takeGradients(s.net()));
        }
    }

    @Test
    void withBatchNormInTrainingModeGradientsEqualTheChunkedOneGraphComputation() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NtXentLoss loss = new NtXentLoss(0.5)) {
            Setup s = setup(manager, true);
            Passes passes = Passes.of(2 * B, B, 3);
            float[] direct = new float[1];
            Map<String, float[]> chunked = oneGraph(s.ps(), s.net(), loss, s.views(), passes, direct);
            LossResult cached = GradientCache.step(s.ps(), s.net(), loss, s.views(), passes);
            assertEquals(direct[0], cached.loss().getFloat(), 1e-6f);
            assertSameGradients(chunked, takeGradients(s.net()));

            // and the chunking is visible: one pass over all 12 views normalises with other statistics
            Map<String, float[]> onePass = oneGraph(s.ps(), s.net(), loss, s.views(), Passes.of(2 * B, 2 * B, 0), direct);
            float[] a = chunked.values().iterator().next();
            float[] b = onePass.values().iterator().next();
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
            }
            assertTrue(diff > 1e-4, "per-pass batch statistics change the gradient");
        }
    }

    @Test
    void returnedLossCarriesNoGraph() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NtXentLoss loss = new NtXentLoss(0.5)) {
            Setup s = setup(manager, false);
            LossResult r = GradientCache.step(s.ps(), s.net(), loss, s.views(), Passes.of(2 * B, B, 0));
            assertTrue(!r.loss().hasGradient());
            assertTrue(r.metrics().containsKey(NtXentLoss.TOP1));
        }
    }

    @Test
    void passesNeverCrossTheViewBoundaryForPerViewBatchNorm() {
        Passes p = Passes.of(10, 5, 3);
        assertArrayEquals(new int[] {0, 3, 5, 8}, p.starts());
        assertArrayEquals(new int[] {3, 5, 8, 10}, p.ends());
        Passes joint = Passes.of(10, 10, 0);
        assertArrayEquals(new int[] {0}, joint.starts());
        assertArrayEquals(new int[] {10}, joint.ends());
        assertThrows(IllegalArgumentException.class, () -> Passes.of(10, 4, 2));
    }
}
