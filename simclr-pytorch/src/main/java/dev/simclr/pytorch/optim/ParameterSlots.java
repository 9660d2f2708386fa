package dev.simclr.pytorch.optim;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's state for one parameter: how many updates it has had (torch's
 * {@code state['step']}) and its named buffers (Adam's {@code exp_avg}, SGD's
 * {@code momentum_buffer}, ...). This is what a checkpoint saves and restores.
 */
public final class ParameterSlots {

    private long updates;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    /** Updates applied so far (0 before the first). */
    public long updates() {
        return updates;
    }

    void setUpdates(long updates) {
        this.updates = updates;
    }

    /** The buffers by name, in creation order; read-only view. */
    public Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    NDArray buffer(String name) {
        return buffers.get(name);
    }

    void put(String name, NDArray value) {
        NDArray old = buffers.put(name, value);
        if (old != null && old != value) {
            old.close();
        }
    }
}
