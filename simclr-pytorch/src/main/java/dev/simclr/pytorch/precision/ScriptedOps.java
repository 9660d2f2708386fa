package dev.simclr.pytorch.precision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Convolutions and matrix products that compute in a lower precision and return fp32, written as
 * tiny TorchScript modules so that the casts run inside libtorch under autograd: DJL 0.36 can make
 * no bf16 array and records no cast in its graph, but a scripted {@code to(bfloat16)} is an
 * ordinary differentiable op, so the gradients reaching the fp32 inputs and fp32 weights are fp32
 * (the master weights of mixed-precision training, Micikevicius et al. 2018, section 3.1). Image
 * activations are made channels-last (NHWC) on entry, the layout oneDNN's bf16 convolutions work
 * in without reordering; the layout then carries through batch norm, ReLU and the residual sums.
 *
 * <p>One module is compiled per distinct layer configuration and reused.
 */
final class ScriptedOps implements AutoCloseable {

    /** {@code c10::ScalarType} numbers as TorchScript source spells dtypes. */
    private static final int FLOAT32 = 6;

    private final PtNDManager manager;
    private final int computeType;
    private final Map<String, PtSymbolBlock> modules = new HashMap<>();

    /**
     * @param manager a PyTorch manager on the device the layers run on; it owns the compiled modules
     * @param computeType the {@code c10::ScalarType} number the layers compute in (15: bfloat16)
     */
    ScriptedOps(NDManager manager, int computeType) {
        if (!(manager instanceof PtNDManager pt)) {
            throw new IllegalArgumentException("mixed precision runs on the PyTorch engine; the network lives on "
                    + manager.getEngine().getEngineName());
        }
        this.manager = pt;
        this.computeType = computeType;
        // each module is one op, so the profiling executor's specialisation gains nothing, and a
        // module shared by layers of several shapes was re-profiled in the first steps: measured
        // 8.4 instead of 13.9 CPU-seconds per bf16 step (docs/performance.md); the setting is global,
        // and these are the process's only TorchScript modules
        JniUtils.setGraphExecutorOptimize(false);
    }

    /** {@code torch.nn.functional.conv2d} of {@code x} by the layer's fp32 weight (and bias), computed in the lower precision. */
    NDArray conv2d(ParameterStore ps, Conv2d conv, NDArray x, NDArray weight, NDArray bias) {
        String call = String.format("torch.conv2d(x1, w1, %s, %s, %s, %s, %d)", bias == null ? "None" : cast("b"),
                pair(conv.getStride().get(0), conv.getStride().get(1)), pair(conv.getPadding().get(0), conv.getPadding().get(1)),
                pair(conv.getDilation().get(0), conv.getDilation().get(1)), conv.getGroups());
        String body = "x1 = " + channelsLast(cast("x")) + "\n"
                + "w1 = " + channelsLast(cast("w")) + "\n"
                + "return torch.to(" + call + ", " + FLOAT32 + ")";
        return run(ps, body, bias != null, x, weight, bias);
    }

    /** {@code torch.nn.functional.linear} of {@code x} by an fp32 weight (and bias), computed in the lower precision. */
    NDArray linear(ParameterStore ps, NDArray x, NDArray weight, NDArray bias) {
        String call = "torch.linear(" + cast("x") + ", " + cast("w") + ", " + (bias == null ? "None" : cast("b")) + ")";
        return run(ps, "return torch.to(" + call + ", " + FLOAT32 + ")", bias != null, x, weight, bias);
    }

    private NDArray run(ParameterStore ps, String body, boolean hasBias, NDArray x, NDArray weight, NDArray bias) {
        String arguments = hasBias ? "x: Tensor, w: Tensor, b: Tensor" : "x: Tensor, w: Tensor";
        PtSymbolBlock module = modules.computeIfAbsent(arguments + "\n" + body, k -> load(arguments, body));
        NDList inputs = hasBias ? new NDList(x, weight, bias) : new NDList(x, weight);
        return module.forward(ps, inputs, true).singletonOrThrow();
    }

    private PtSymbolBlock load(String arguments, String body) {
        byte[] archive = TorchScriptArchive.module(arguments, body);
        try {
            return JniUtils.loadModule(manager, new ByteArrayInputStream(archive), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("libtorch could not load the mixed-precision op\n" + body, e);
        }
    }

    private String cast(String name) {
        return "torch.to(" + name + ", " + computeType + ")";
    }

    /** {@code torch.channels_last} is memory format 2. */
    private static String channelsLast(String tensor) {
        return "torch.contiguous(" + tensor + ", memory_format=2)";
    }

    private static String pair(long a, long b) {
        return "[" + a + ", " + b + "]";
    }

    @Override
    public void close() {
        modules.values().forEach(PtSymbolBlock::close);
        modules.clear();
    }
}
