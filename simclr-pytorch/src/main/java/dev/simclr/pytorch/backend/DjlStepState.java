package dev.simclr.pytorch.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.simclr.api.step.StepState;
import dev.simclr.pytorch.optim.ParameterSlots;
import dev.simclr.pytorch.optim.StatefulOptimizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL network and its optimizer in the engine-neutral checkpoint form: DJL parameter ids are
 * random per process, so the state is keyed by each parameter's name in the block tree.
 */
public final class DjlStepState {

    private DjlStepState() {}

    /** The live parameter arrays and optimizer buffers (no copies). */
    public static StepState of(Block network, StatefulOptimizer optimizer) {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            parameters.put(p.getKey(), p.getValue().getArray());
            names.put(p.getValue().getId(), p.getKey());
        }
        Map<String, StepState.Slots> slots = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterSlots> e : optimizer.state().entrySet()) {
            String name = names.get(e.getKey());
            if (name == null) {
                throw new IllegalStateException("the optimizer holds state for a parameter that is not in the network (id " + e.getKey() + ")");
            }
            slots.put(name, new StepState.Slots(e.getValue().updates(), e.getValue().buffers()));
        }
        return new StepState(optimizer.name(), parameters, slots);
    }

    /**
     * Copies the state's parameters into the network's arrays (which keep their devices and
     * gradients) and hands its buffers to the optimizer, moved to each weight's device.
     */
    public static void restore(StepState state, Block network, StatefulOptimizer optimizer) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            byName.put(p.getKey(), p.getValue());
        }
        for (Map.Entry<String, NDArray> e : state.parameters().entrySet()) {
            NDArray target = parameter(byName, e.getKey()).getArray();
            e.getValue().toDevice(target.getDevice(), false).copyTo(target);
        }
        for (Map.Entry<String, StepState.Slots> e : state.slots().entrySet()) {
            Parameter p = parameter(byName, e.getKey());
            Map<String, NDArray> buffers = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> b : e.getValue().buffers().entrySet()) {
                NDArray value = b.getValue();
                if (!value.getDevice().equals(p.getArray().getDevice())) {
                    NDArray moved = value.toDevice(p.getArray().getDevice(), false);
                    value.close();
                    value = moved;
                }
                buffers.put(b.getKey(), value);
            }
            optimizer.restore(p.getId(), e.getValue().updates(), buffers);
        }
    }

    private static Parameter parameter(Map<String, Parameter> byName, String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the model");
        }
        return p;
    }
}
