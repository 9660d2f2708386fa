package dev.simclr.pytorch.precision;

import static dev.simclr.pytorch.precision.Comparison.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.models.ResNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One residual block as one fused bf16 module against the same block in fp32: conv, batch norm,
 * ReLU, conv, batch norm, the projection shortcut, the sum and the last ReLU, with bf16
 * activations between them.
 */
class FusedBlockTest {

    /**
     * On the block's longest path the forward rounds to bfloat16 (at most 2^-9 relative each) eight
     * times: the input, two weights, two convolution outputs, two batch-norm outputs and the sum.
     * Relative errors add through convolutions and batch norm (which rescales a tensor and its error
     * alike), so the output is within eight roundings of fp32's.
     */
    private static final double FORWARD_BOUND = 8 * Math.pow(2, -9);

    /**
     * The backward rounds each upstream gradient at as many points as the forward rounds
     * activations, and reads the forward's rounded activations: twice the forward's bound. On top of
     * that, a ReLU whose input is off by a relative {@code e} passes a different set of elements,
     * about a fraction {@code 2 phi(0) e = 0.8 e} of them for a roughly normal input, and a gradient
     * summed over elements with random signs is then off by the square root of that fraction; two
     * ReLUs lie on the backward path: {@code sqrt(2 * 0.8 * FORWARD_BOUND)}, about 0.16.
     */
    private static final double GRADIENT_BOUND = 2 * FORWARD_BOUND + Math.sqrt(2 * 0.8 * FORWARD_BOUND);

    private static final int BFLOAT16 = 15;

    /** The first block of the second stage of ResNet-18 at width 0.25: 16 to 32 channels, stride 2, projection shortcut. */
    private static Block strideTwoBlock(NDManager manager) {
        Block encoder = ResNet.builder().width(0.25).build().block();
        Block block = encoder.getChildren().get(2).getValue().getChildren().get(0).getValue();
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 16, 16, 16));
        return block;
    }

    /** Output, input gradient and parameter gradients of {@code forward} for upstream gradient {@code g}. */
    private static Map<String, float[]> run(Block block, Function<NDArray, NDArray> forward, NDArray x, NDArray g) {
        NDArray xi = x.duplicate();
        xi.setRequiresGradient(true);
        Map<String, float[]> out = new LinkedHashMap<>();
        try (GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
            NDArray y = forward.apply(xi);
            assertEquals(DataType.FLOAT32, y.getDataType(), "the block's output");
            out.put("output", y.toFloatArray());
            gc.backward(y.mul(g).sum());
        }
        out.put("input gradient", xi.getGradient().toFloatArray());
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray grad = p.getValue().getArray().getGradient();
                out.put(p.getKey() + " gradient", grad.toFloatArray());
                grad.subi(grad);
            }
        }
        return out;
    }

    @Test
    void fusedResidualBlockOutputAndGradientsStayWithinBf16RoundingOfFp32() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); ScriptedOps ops = new ScriptedOps(manager, BFLOAT16)) {
            Engine.getEngine("PyTorch").setRandomSeed(5);
            Block block = strideTwoBlock(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(8, 16, 16, 16));
            NDArray g = manager.randomNormal(new Shape(8, 32, 8, 8));
            Map<String, float[]> fp32 = run(block, xi -> block.forward(ps, new NDList(xi), true).singletonOrThrow(), x, g);
            Map<String, float[]> bf16 = run(block, xi -> ops.forward(ps, List.of(block), xi, true), x, g);
            assertEquals(fp32.keySet(), bf16.keySet());
            assertTrue(fp32.size() > 10, "output, input gradient and every parameter's gradient: " + fp32.keySet());
            for (String k : fp32.keySet()) {
                double e = relativeError(fp32.get(k), bf16.get(k));
                double bound = k.equals("output") ? FORWARD_BOUND : GRADIENT_BOUND;
                assertTrue(e < bound, k + ": relative error " + e + " from fp32's, bound " + bound);
                assertTrue(e > 1e-5, k + ": relative error " + e + ": no bf16 rounding happened");
            }
        }
    }
}
