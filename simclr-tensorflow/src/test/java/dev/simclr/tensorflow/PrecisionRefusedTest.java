package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.Precision;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.loss.NtXentLoss;
import org.junit.jupiter.api.Test;

/** The TensorFlow graph trains in fp32 only: asking it for bf16 is refused naming the key, not ignored. */
class PrecisionRefusedTest extends TensorFlowEngine {

    @Test
    void bf16IsRefusedNamingTheKeyAndTheBackendThatHasIt() {
        TwinNetworks twin = new TwinNetworks("cifar", new ImageShape(1, 8, 8), false);
        try (NDManager manager = tensorflow.newManager(); NtXentLoss loss = TwinNetworks.loss()) {
            TrainingSetup bf16 = new TrainingSetup(manager, twin.network(), loss, twin.image(), 4, true, 0, false,
                    TwinNetworks.adam(1e-3f, 0), Precision.BF16);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tensorflow.trainingStep(bf16));
            assertTrue(e.getMessage().contains("train.precision: bf16") && e.getMessage().contains("backend: pytorch"), e.getMessage());
        }
    }
}
