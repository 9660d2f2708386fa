package dev.simclr.tensorflow;

import dev.simclr.api.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test that runs the same network on TensorFlow and on PyTorch: both engines, started once per test class. */
abstract class BothEngines extends TensorFlowEngine {

    static Backend pytorch;

    @BeforeAll
    static void startPyTorch() {
        pytorch = TwinNetworks.pytorch();
    }

    @AfterAll
    static void closePyTorch() {
        pytorch.close();
    }
}
