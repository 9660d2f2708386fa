package dev.simclr.pytorch.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A bf16 layer computes what fp32 computes on operands rounded to bfloat16, rounded to bfloat16
 * (oneDNN accumulates bf16 products in fp32); its gradients likewise, from the upstream gradient
 * rounded to bfloat16, as the backward of {@code to(bfloat16)} delivers it.
 */
class ScriptedOpsTest {

    /** Relative L2 error between a bf16 result and its fp32 emulation: one bf16 rounding (at most 2^-9) plus accumulation order. */
    private static final double ONE_ROUNDING = Math.pow(2, -8);

    private static final int BFLOAT16 = 15;

    /** Round to nearest even at bfloat16's 8 significant bits. */
    static float toBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        bits += 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(bits & 0xFFFF0000);
    }

    private static NDArray rounded(NDArray a) {
        float[] v = a.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = toBf16(v[i]);
        }
        return a.getManager().create(v, a.getShape());
    }

    private static double relativeError(NDArray expected, NDArray actual) {
        return actual.sub(expected).norm().getFloat() / expected.norm().getFloat();
    }

    /** Output, input gradient and weight gradient of {@code layer} for upstream gradient {@code g}. */
    private static NDArray[] run(BiFunction<NDArray, NDArray, NDArray> layer, NDArray x, NDArray w, NDArray g) {
        NDArray xi = x.duplicate();
        NDArray wi = w.duplicate();
        xi.setRequiresGradient(true);
        wi.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
            y = layer.apply(xi, wi);
            gc.backward(y.mul(g).sum());
        }
        return new NDArray[] {y.stopGradient(), xi.getGradient(), wi.getGradient()};
    }

    private static void assertMatchesEmulation(BiFunction<NDArray, NDArray, NDArray> bf16, BiFunction<NDArray, NDArray, NDArray> fp32,
            NDArray x, NDArray w, NDArray g) {
        NDArray[] actual = run(bf16, x, w, g);
        NDArray[] emulated = run(fp32, rounded(x), rounded(w), rounded(g));
        String[] names = {"output", "input gradient", "weight gradient"};
        for (int i = 0; i < 3; i++) {
            assertEquals(DataType.FLOAT32, actual[i].getDataType(), names[i]);
            double e = relativeError(rounded(emulated[i]), actual[i]);
            assertTrue(e < ONE_ROUNDING, names[i] + ": relative error " + e + " from the fp32 emulation");
            double plain = relativeError(run(fp32, x, w, g)[i], actual[i]);
            assertTrue(plain > 1e-5, names[i] + " equals fp32's exactly (" + plain + "): no bf16 rounding happened");
        }
    }

    private static Conv2d conv() {
        return Conv2d.builder().setFilters(8).setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1)).optBias(false).build();
    }

    /** The layer, uninitialised, with {@code w} as its weight array (so the weight's gradient lands in {@code w}). */
    private static <B extends Block> B withWeight(B layer, NDArray w) {
        layer.getParameters().get("weight").setArray(w);
        return layer;
    }

    @Test
    void bf16ConvolutionIsFp32ConvolutionOfRoundedOperands() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); ScriptedOps ops = new ScriptedOps(manager, BFLOAT16)) {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(4, 5, 9, 9));
            NDArray w = manager.randomNormal(new Shape(8, 5, 3, 3));
            NDArray g = manager.randomNormal(new Shape(4, 8, 5, 5));
            assertMatchesEmulation((xi, wi) -> ops.forward(ps, List.of(withWeight(conv(), wi)), xi, true),
                    (xi, wi) -> xi.getNDArrayInternal().convolution(xi, wi, null, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow(),
                    x, w, g);
        }
    }

    @Test
    void bf16LinearIsFp32LinearOfRoundedOperands() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); ScriptedOps ops = new ScriptedOps(manager, BFLOAT16)) {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(16, 40));
            NDArray w = manager.randomNormal(new Shape(24, 40));
            NDArray g = manager.randomNormal(new Shape(16, 24));
            assertMatchesEmulation((xi, wi) -> ops.forward(ps, List.of(withWeight(Linear.builder().setUnits(24).optBias(false).build(), wi)), xi, true), (xi, wi) -> Linear.linear(xi, wi).singletonOrThrow(), x, w, g);
        }
    }
}
