package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaProbeTest {

    private static final Shape IMAGES = new Shape(2, 3, 8, 8);

    @Test
    void maxPoolBlockIsIdentifiedWithItsKernelStridePaddingAndCeilMode() {
        var block = (LambdaBlock) Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1));
        var call = identify(block);
        assertEquals("maxPool", call.operator());
        assertEquals(List.of(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false), call.arguments());
    }

    @Test
    void reluAndGlobalAveragePoolBlocksAreIdentified() {
        assertEquals("relu", identify((LambdaBlock) Activation.reluBlock()).operator());
        assertEquals("globalAvgPool", identify((LambdaBlock) Pool.globalAvgPool2dBlock()).operator());
    }

    @Test
    void blockDoingMoreThanOneOperatorIsNotIdentified() {
        LambdaBlock twice = LambdaBlock.singleton(a -> Activation.relu(Activation.relu(a)));
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            assertTrue(LambdaProbe.identify(twice, IMAGES, m).isEmpty());
        }
    }

    private static LambdaProbe.Call identify(LambdaBlock block) {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            return LambdaProbe.identify(block, IMAGES, m).orElseThrow();
        }
    }
}
