package dev.simclr.pytorch.precision;

import static dev.simclr.pytorch.precision.Comparison.cosine;
import static dev.simclr.pytorch.precision.Comparison.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.simclr.api.step.Precision;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.models.MlpHead;
import dev.simclr.models.ResNet;
import dev.simclr.models.Stem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixedPrecisionTest {

    /**
     * Bounds for ResNet-18 with the CIFAR stem at random init, from PyTorch's own bf16 autocast on
     * that architecture at width 1 (torchvision's resnet18, batch 32, NT-Xent at temperature 0.2):
     * its projections were 1.2 % (relative L2) from fp32's (batch-norm running statistics, forward
     * quantities as well, get the same bound) and its whole parameter gradient had
     * cosine 0.948 with fp32's (relative error 0.32: at init, batch norm's backward cancels most of
     * each gradient, so bfloat16's 8 significant bits leave a large relative error per tensor, in
     * PyTorch as here). A wrong cast, layout or parameter would be far outside both.
     */
    private static final double FORWARD_TOLERANCE = 0.05;

    private static final double MIN_GRADIENT_COSINE = 0.9;

    private static Block resnetWithHead() {
        SequentialBlock net = new SequentialBlock();
        net.add(ResNet.builder().stem(Stem.CIFAR).width(0.25).build().block());
        net.add(MlpHead.create(128, 2, 256, 64, false).block());
        return net;
    }

    /** Parameter gradients of NT-Xent over the network's projections of x, taken through forward. */
    private static Map<String, float[]> gradients(Block network, Block forward, NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        try (NtXentLoss loss = new NtXentLoss(0.2); GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
            NDArray z = forward.forward(ps, new NDList(x), true).singletonOrThrow();
            assertEquals(DataType.FLOAT32, z.getDataType(), "projections reach the loss in fp32");
            gc.backward(loss.compute(z).loss());
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                assertEquals(DataType.FLOAT32, g.getDataType(), "gradient of " + p.getKey());
                out.put(p.getKey(), g.toFloatArray());
                g.subi(g);
            }
        }
        return out;
    }

    @Test
    void bf16ResNet18ProjectionsAndGradientsStayNearFp32() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            Block network = resnetWithHead();
            network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            NDArray x = manager.randomNormal(new Shape(32, 3, 32, 32));
            float[] z32 = projections(network, x);
            Map<String, float[]> fp32 = gradients(network, network, x);
            List<String> notes = new ArrayList<>();
            Map<String, float[]> bf16;
            float[] z16;
            try (MixedPrecision mp = MixedPrecision.of(network, manager, Precision.BF16, notes::add)) {
                z16 = projections(mp.forward(), x);
                bf16 = gradients(network, mp.forward(), x);
            }
            assertEquals(List.of(), notes, "every layer of the built-in ResNet and head converts");
            double zError = relativeError(z32, z16);
            assertTrue(zError < FORWARD_TOLERANCE, "projections " + zError + " from fp32's");
            assertTrue(zError > 1e-4, "projections " + zError + " from fp32's: bf16 computed exactly as fp32");
            double cosine = cosine(flatten(fp32), flatten(bf16));
            assertTrue(cosine > MIN_GRADIENT_COSINE, "cosine " + cosine + " between the bf16 and fp32 gradients");
        }
    }

    @Test
    void imageNetStemMaxPoolRunsInFp32BetweenBf16Stretches() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(9);
            SequentialBlock network = new SequentialBlock();
            network.add(ResNet.builder().stem(Stem.IMAGENET).width(0.25).build().block());
            network.add(MlpHead.create(128, 2, 256, 64, false).block());
            network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            NDArray x = manager.randomNormal(new Shape(8, 3, 64, 64));
            float[] z32 = projections(network, x);
            List<String> notes = new ArrayList<>();
            float[] z16;
            try (MixedPrecision mp = MixedPrecision.of(network, manager, Precision.BF16, notes::add)) {
                z16 = projections(mp.forward(), x);
            }
            assertEquals(List.of(), notes, "the max-pool holds no convolution: nothing is left in fp32 but it");
            double zError = relativeError(z32, z16);
            assertTrue(zError < FORWARD_TOLERANCE && zError > 1e-4, "projections " + zError + " from fp32's");
        }
    }

    private static float[] projections(Block forward, NDArray x) {
        return forward.forward(new ParameterStore(x.getManager(), false), new NDList(x), true).singletonOrThrow().toFloatArray();
    }

    private static float[] flatten(Map<String, float[]> gradients) {
        int n = gradients.values().stream().mapToInt(g -> g.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] g : gradients.values()) {
            System.arraycopy(g, 0, out, at, g.length);
            at += g.length;
        }
        return out;
    }

    @Test
    void batchNormRunningStatisticsUpdateInFp32AsWithoutMixedPrecision() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            Block network = resnetWithHead();
            network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            NDArray x = manager.randomNormal(new Shape(16, 3, 32, 32)).mul(2).add(1);
            Map<String, NDArray> before = runningStatistics(network);
            try (MixedPrecision mp = MixedPrecision.of(network, manager, Precision.BF16, s -> {})) {
                mp.forward().forward(new ParameterStore(manager, false), new NDList(x), true);
            }
            Map<String, NDArray> bf16 = runningStatistics(network);
            restore(network, before);
            network.forward(new ParameterStore(manager, false), new NDList(x), true);
            Map<String, NDArray> fp32 = runningStatistics(network);
            for (String k : fp32.keySet()) {
                assertEquals(DataType.FLOAT32, bf16.get(k).getDataType(), k);
                assertTrue(!before.get(k).contentEquals(bf16.get(k)), "bf16 forward updated " + k);
                double e = relativeError(fp32.get(k).sub(before.get(k)).toFloatArray(), bf16.get(k).sub(before.get(k)).toFloatArray());
                assertTrue(e < FORWARD_TOLERANCE, "relative error " + e + " of the update of " + k);
            }
        }
    }

    private static Map<String, NDArray> runningStatistics(Block network) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getKey().endsWith("runningMean") || p.getKey().endsWith("runningVar")) {
                out.put(p.getKey(), p.getValue().getArray().duplicate());
            }
        }
        assertTrue(out.size() > 20, "found the batch norms' running statistics: " + out.keySet());
        return out;
    }

    private static void restore(Block network, Map<String, NDArray> values) {
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (values.containsKey(p.getKey())) {
                p.getValue().getArray().set(values.get(p.getKey()).toFloatArray());
            }
        }
    }

    /** A plugin's block with its own forward pass: mixed precision cannot know what it does with its child. */
    private static final class OpaqueBlock extends AbstractBlock {
        private final Block inner;

        OpaqueBlock(Block inner) {
            this.inner = addChildBlock("inner", inner);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            return new NDList(inner.forward(ps, inputs, training, params).singletonOrThrow().mul(2));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inner.getOutputShapes(inputShapes);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            inner.initialize(manager, dataType, inputShapes);
        }
    }

    @Test
    void blockThatCannotBeConvertedRunsInFp32WithOneLineNamingIt() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Conv2d conv = Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build();
            Block network = new SequentialBlock().add(new OpaqueBlock(conv)).add(Pool.globalAvgPool2dBlock());
            network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 8, 8));
            List<String> notes = new ArrayList<>();
            try (MixedPrecision mp = MixedPrecision.of(network, manager, Precision.BF16, notes::add)) {
                assertSame(network, mp.forward(), "nothing left to convert: the network runs as it is");
            }
            assertEquals(1, notes.size(), String.valueOf(notes));
            assertTrue(notes.get(0).contains("SequentialBlock/01OpaqueBlock") && notes.get(0).contains("fp32"), notes.get(0));
        }
    }

    @Test
    void fp32IsTheNetworkItself() {
        Block network = resnetWithHead();
        try (MixedPrecision mp = MixedPrecision.of(network, null, Precision.FP32, s -> {
            throw new AssertionError(s);
        })) {
            assertSame(network, mp.forward());
        }
    }
}
