package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ProjectionHead;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.models.ResNet18Provider;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A network with a block the training graph cannot translate is refused when the step is made,
 * before any parameter exists (as a run's preflight makes it), naming the block's path in the tree
 * and what it is.
 */
class UntrainableBlocksTest extends TensorFlowEngine {

    @Test
    void aBlockTypeTheGraphDoesNotKnowIsRefusedByItsPath() {
        String message = refusal(new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Dropout.builder().optRate(0.1f).build()));
        assertTrue(message.contains("SimClrNetwork/02head/02Dropout") && message.contains(Dropout.class.getName()), message);
        assertTrue(message.contains("backend: pytorch"), message);
    }

    @Test
    void aLambdaWithAnOperatorTheGraphDoesNotTranslateIsRefusedByItsPath() {
        String message = refusal(new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation.tanhBlock()));
        assertTrue(message.contains("SimClrNetwork/02head/02LambdaBlock") && message.contains("applies tanh"), message);
    }

    private static String refusal(Block head) {
        ResNet18Provider provider = new ResNet18Provider();
        var encoder = provider.create(Engines.params(provider, Map.of("width", 0.125)), new ImageShape(1, 8, 8));
        SimClrNetwork network = new SimClrNetwork(encoder, new ProjectionHead(head, 8));
        TwinNetworks twin = new TwinNetworks("cifar", new ImageShape(1, 8, 8), false);
        try (NDManager manager = tensorflow.newManager(); NtXentLoss loss = TwinNetworks.loss()) {
            return assertThrows(UnsupportedOperationException.class,
                    () -> TwinNetworks.step(tensorflow, manager, network, loss, twin, 4, true, TwinNetworks.adam(1e-3f, 0))).getMessage();
        }
    }
}
