package dev.simclr.api.step;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The state of a training step in the engine-neutral form a checkpoint keeps: arrays are keyed by
 * the parameter's name in the block tree (e.g. {@code 01SequentialBlock_01Conv2d_weight}), never
 * by an engine's own ids, so a checkpoint does not depend on the engine that wrote it.
 *
 * @param optimizer the optimizer's name as in {@code train.optimizer}
 * @param parameters every parameter of the network by name, running statistics included, in the
 *     block tree's order
 * @param slots the optimizer's state of each parameter it has updated, by parameter name
 */
public record StepState(String optimizer, Map<String, NDArray> parameters, Map<String, Slots> slots) {

    /**
     * The optimizer's state of one parameter.
     *
     * @param updates how many updates the parameter has had
     * @param buffers the optimizer's buffers of the parameter (e.g. Adam's {@code m} and {@code v})
     */
    public record Slots(long updates, Map<String, NDArray> buffers) {}
}
