package dev.simclr.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import java.util.List;
import java.util.Map;

/** A DJL engine with the devices a run uses and what it can do. */
public interface Backend extends AutoCloseable {

    /** The backend's YAML name, e.g. {@code pytorch}. */
    String name();

    Engine engine();

    /** Devices the run uses; the first is where results are gathered. Never empty. */
    List<Device> devices();

    /** Whether this backend can pre-train (needs autograd and training ops). */
    boolean canTrain();

    /** A new root manager on the first device of this backend's engine. */
    default NDManager newManager() {
        return engine().newBaseManager(devices().get(0));
    }

    /**
     * Runs a trained block forward for inference (batch norm on its running statistics, no
     * gradients) on inputs made by this backend's manager. Evaluation calls this instead of
     * {@code block.forward} so that a backend whose engine lacks some of the block's operators can
     * carry out the pass with operators of its own; the default is the block's own forward pass.
     *
     * @throws UnsupportedOperationException naming the block when this backend cannot run it
     */
    default NDList infer(Block block, NDList inputs) {
        return block.forward(new ParameterStore(inputs.head().getManager(), false), inputs, false);
    }

    /**
     * A training step on this backend's first device, for the engine-neutral pre-training loop.
     * Backends that cannot train ({@link #canTrain()} false) keep this default.
     *
     * @throws IllegalArgumentException when a setting (e.g. the optimizer) is refused
     */
    default TrainingStep trainingStep(TrainingSetup setup) {
        throw new UnsupportedOperationException("backend '" + name() + "' cannot train; pre-train with a backend that can (simclr doctor)");
    }

    /** Engine settings this backend applied, by name (e.g. threads), for benchmark records; may be empty. */
    default Map<String, Object> settings() {
        return Map.of();
    }

    /** One line: engine, version, devices, threads. */
    String describe();

    @Override
    default void close() {}
}
