package dev.simclr.pytorch.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaParametersTest {

    @Test
    void aForwardPassThroughACopyTrainsTheCopyAndLeavesTheOriginalsAlone() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SequentialBlock net = new SequentialBlock();
            net.add(Conv2d.builder().setFilters(2).setKernelShape(new Shape(3, 3)).build())
                    .add(Activation.reluBlock()).add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(3).build());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            ReplicaParameters copy = ReplicaParameters.copy(manager.newSubManager(), net, Device.of(Device.Type.CPU, 1));
            NDArray x = manager.randomUniform(0, 1, new Shape(2, 1, 4, 4));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(net.forward(copy, new NDList(x), true).singletonOrThrow().sum());
            }
            List<Parameter> parameters = net.getParameters().stream().map(Pair::getValue).toList();
            for (Parameter p : parameters) {
                NDArray original = p.getArray();
                NDArray replica = copy.array(p);
                assertNotSame(original, replica);
                assertArrayEquals(original.toFloatArray(), replica.toFloatArray(), "values of " + p.getName());
                assertTrue(replica.getGradient().abs().sum().getFloat() > 0, "the copy of " + p.getName() + " has no gradient");
                assertTrue(original.getGradient().abs().sum().getFloat() == 0, "the original " + p.getName() + " got a gradient");
            }
        }
    }
}
