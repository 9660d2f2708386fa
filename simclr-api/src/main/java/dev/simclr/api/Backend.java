package dev.simclr.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;

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

    /** One line: engine, version, devices, threads. */
    String describe();

    @Override
    default void close() {}
}
