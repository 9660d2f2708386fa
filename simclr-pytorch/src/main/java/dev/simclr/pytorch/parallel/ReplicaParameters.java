package dev.simclr.pytorch.parallel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One device's copy of every parameter of a network, handed to the network's blocks when they run
 * on that device. DJL's own {@link ParameterStore} keys its copies by the input's device, but the
 * PyTorch engine reports every CPU index as the one CPU; keying by replica instead lets several
 * replicas share a device (the CPU tests do) and behaves the same on distinct GPUs.
 */
public final class ReplicaParameters extends ParameterStore {

    private static final NDIndex ALL = new NDIndex("...");

    private final Device device;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private ReplicaParameters(NDManager manager, Device device) {
        super(manager, false);
        this.device = device;
    }

    /** The network's own arrays: the replica of the first device, the one the optimizer updates. */
    public static ReplicaParameters original(NDManager manager, Block network, Device device) {
        ReplicaParameters r = new ReplicaParameters(manager, device);
        for (Pair<String, Parameter> p : network.getParameters()) {
            r.arrays.put(p.getValue().getId(), p.getValue().getArray());
        }
        return r;
    }

    /** Fresh copies of the network's arrays on {@code device}, owned by {@code manager}, with gradients where trained. */
    public static ReplicaParameters copy(NDManager manager, Block network, Device device) {
        ReplicaParameters r = new ReplicaParameters(manager, device);
        for (Pair<String, Parameter> p : network.getParameters()) {
            // toDevice alone may hand back the same tensor (PyTorch's to() does on the device it is on)
            NDArray moved = p.getValue().getArray().toDevice(device, true);
            NDArray copy = moved.duplicate();
            moved.close();
            copy.attach(manager);
            if (p.getValue().requiresGradient()) {
                copy.setRequiresGradient(true);
            }
            r.arrays.put(p.getValue().getId(), copy);
        }
        return r;
    }

    public Device device() {
        return device;
    }

    /** This replica's array of {@code parameter}. */
    public NDArray array(Parameter parameter) {
        NDArray a = arrays.get(parameter.getId());
        if (a == null) {
            throw new IllegalStateException("parameter '" + parameter.getName() + "' has no copy on the replica of " + device
                    + "; the network gained a parameter after the training step was made");
        }
        return a;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device ignored, boolean training) {
        return parameter == null ? null : array(parameter);
    }

    /** Overwrites the values of {@code parameters} on this replica with those of {@code source}. */
    public void copyFrom(ReplicaParameters source, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            NDArray from = source.array(p);
            NDArray onDevice = from.toDevice(device, false);
            // an in-place copy on the device (NDArray.copyTo would go through host memory)
            array(p).set(ALL, onDevice);
            if (onDevice != from) {
                onDevice.close();
            }
        }
    }
}
