package dev.simclr.tensorflow;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import dev.simclr.api.Backend;
import java.util.List;

/**
 * DJL's TensorFlow engine as an evaluation backend: encoders trained on PyTorch load their
 * parameters here unchanged and run forward with TensorFlow's operators. It cannot pre-train: the
 * engine has no autograd.
 */
final class TensorFlowBackend implements Backend {

    private final Engine engine;
    private final Device device;
    private final TensorFlowNatives natives;
    private final BlockInterpreter interpreter = new BlockInterpreter();

    TensorFlowBackend(Engine engine, Device device, TensorFlowNatives natives) {
        this.engine = engine;
        this.device = device;
        this.natives = natives;
    }

    @Override
    public String name() {
        return TensorFlowBackendProvider.NAME;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public List<Device> devices() {
        return List.of(device);
    }

    @Override
    public boolean canTrain() {
        return false;
    }

    /** Runs the block with TensorFlow's operators (see {@link BlockInterpreter} for which blocks). */
    @Override
    public NDList infer(Block block, NDList inputs) {
        return interpreter.run(block, inputs);
    }

    @Override
    public String describe() {
        return name() + ": TensorFlow " + engine.getVersion() + " on " + device + ", evaluation only (natives "
                + natives.folder().map(Object::toString).orElse("?") + ")";
    }
}
