package dev.simclr.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
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

    /** One line: engine, version, devices, threads. */
    String describe();

    @Override
    default void close() {}
}
