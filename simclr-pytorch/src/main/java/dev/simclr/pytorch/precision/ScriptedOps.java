package dev.simclr.pytorch.precision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.simclr.pytorch.script.TorchScriptArchive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs of layers computed in a lower precision as TorchScript modules ({@link FusedScript}), loaded
 * by DJL from archives written in memory, so that the casts run inside libtorch under autograd: DJL
 * 0.36 can make no bf16 array and records no cast in its graph, but a scripted {@code to(bfloat16)}
 * is an ordinary differentiable op, so the gradients reaching the fp32 input and fp32 parameters are
 * fp32 (the master weights of mixed-precision training, Micikevicius et al. 2018, section 3.1).
 *
 * <p>One module is compiled per distinct source (layers of the same configuration share one) and
 * one script per run of layers and mode.
 */
final class ScriptedOps implements AutoCloseable {

    private record Key(List<Block> run, boolean training) {}

    private final PtNDManager manager;
    private final int computeType;
    private final Map<Key, FusedScript.Script> scripts = new HashMap<>();
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
        // a module is compiled once and runs the same ops on every call, so the profiling executor's
        // specialisation gains nothing, and a module shared by layers of several shapes was re-profiled
        // in the first steps: measured 8.4 instead of 13.9 CPU-seconds per bf16 step
        // (docs/performance.md); the setting is global, and the other TorchScript module of the process
        // (FusedAdamUpdate) turns it off as well
        JniUtils.setGraphExecutorOptimize(false);
    }

    /**
     * The run's output for fp32 input {@code x}, in fp32, computed in the lower precision from the
     * layers' parameters as {@code ps} holds them; recorded by autograd when a gradient collector is open.
     *
     * @param run layers that are each {@link FusedScript#fusable}, applied one after the other
     */
    NDArray forward(ParameterStore ps, List<Block> run, NDArray x, boolean training) {
        FusedScript.Script script = scripts.computeIfAbsent(new Key(List.copyOf(run), training),
                k -> FusedScript.of(k.run(), training, computeType));
        NDList inputs = new NDList(x);
        for (Parameter p : script.parameters()) {
            inputs.add(ps.getValue(p, x.getDevice(), training));
        }
        String source = script.arguments() + "\n" + script.body();
        PtSymbolBlock module = modules.computeIfAbsent(source, k -> load(script));
        return module.forward(ps, inputs, training).singletonOrThrow();
    }

    private PtSymbolBlock load(FusedScript.Script script) {
        return TorchScriptArchive.load(manager, script.arguments(), script.body());
    }

    @Override
    public void close() {
        modules.values().forEach(PtSymbolBlock::close);
        modules.clear();
        scripts.clear();
    }
}
