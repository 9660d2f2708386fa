package dev.simclr.tensorflow;

import dev.simclr.api.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test on the TensorFlow backend: the engine started once per test class. A subclass's own
 * {@code @BeforeAll} runs after this one and its {@code @AfterAll} before, so what it makes from the
 * engine is closed while the engine is still open.
 */
abstract class TensorFlowEngine {

    static Backend tensorflow;

    @BeforeAll
    static void startTensorFlow() {
        tensorflow = Engines.tensorflow();
    }

    @AfterAll
    static void closeTensorFlow() {
        tensorflow.close();
    }
}
