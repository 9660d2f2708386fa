package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The graph trains its own variables, so the network it was made for keeps its initial values until
 * {@code publish()} writes the trained ones back; then they are the values a checkpoint would store.
 */
class PublishTest extends TensorFlowEngine {

    @Test
    void publishWritesTheTrainedVariablesIntoTheNetwork() {
        TwinNetworks twin = new TwinNetworks("cifar", new ImageShape(1, 8, 8), false);
        try (NDManager manager = tensorflow.newManager(); NtXentLoss loss = TwinNetworks.loss()) {
            SimClrNetwork network = twin.onTensorFlow(manager, 7);
            Map<String, float[]> initial = values(network);
            try (TrainingStep step = TwinNetworks.step(tensorflow, manager, network, loss, twin, 4, false, TwinNetworks.adam(1e-2f, 0))) {
                float[] views = Engines.randomImages(8, new Shape(1, 8, 8), 3);
                for (int i = 0; i < 3; i++) {
                    step.train(views);
                }
                step.publish();
                Map<String, float[]> published = values(network);
                assertFalse(Arrays.equals(initial.get(firstKey(initial)), published.get(firstKey(initial))), "trained values reached the network");
                step.state().parameters().forEach((name, array) -> assertArrayEquals(array.toFloatArray(), published.get(name), 0f, name));
            }
        }
    }

    private static Map<String, float[]> values(SimClrNetwork network) {
        Map<String, float[]> out = new LinkedHashMap<>();
        network.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static String firstKey(Map<String, float[]> values) {
        return values.keySet().iterator().next();
    }
}
