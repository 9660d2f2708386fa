package dev.simclr.tensorflow;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import dev.simclr.api.Backend;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import java.util.List;

/**
 * DJL's TensorFlow engine as a backend: encoders load their parameters here unchanged and run
 * forward with TensorFlow's operators ({@link BlockInterpreter}); pre-training runs as a TensorFlow
 * graph with gradients ({@link GraphTrainingStep}), since DJL's eager TensorFlow engine has no
 * autograd.
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
        return true;
    }

    /** A step that trains the network as one TensorFlow graph (see {@link StepGraph}). */
    @Override
    public TrainingStep trainingStep(TrainingSetup setup) {
        return new GraphTrainingStep(setup);
    }

    /** Runs the block with TensorFlow's operators (see {@link BlockInterpreter} for which blocks). */
    @Override
    public NDList infer(Block block, NDList inputs) {
        return interpreter.run(block, inputs);
    }

    @Override
    public String describe() {
        return name() + ": TensorFlow " + engine.getVersion() + " on " + device + " (natives "
                + natives.folder().map(Object::toString).orElse("?") + ")";
    }
}
