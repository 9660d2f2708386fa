package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockInterpreterTest extends TensorFlowEngine {

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = tensorflow.newManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** A block the interpreter has never heard of. */
    private static final class Mystery extends AbstractBlock {
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            return inputs;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    @Test
    void unknownBlockTypeIsAnErrorNamingItsPlaceInTheTreeAndTheBackendThatCanRunIt() {
        SequentialBlock net = new SequentialBlock().add(Activation.reluBlock()).add(new Mystery());
        var e = assertThrows(UnsupportedOperationException.class, () -> run(net, new float[] {1, 2}, new Shape(1, 2)));
        assertTrue(e.getMessage().contains("SequentialBlock/02Mystery"), e.getMessage());
        assertTrue(e.getMessage().contains("backend: pytorch"), e.getMessage());
    }

    @Test
    void lambdaBlockTheProbeCannotNameRunsOnTheEnginesOwnOperators() {
        LambdaBlock doubled = LambdaBlock.singleton(a -> a.mul(2).add(1));
        assertArrayEquals(new float[] {3, -1}, run(doubled, new float[] {1, -1}, new Shape(1, 2)));
    }

    @Test
    void lambdaBlockCallingAnOperatorTensorFlowLacksIsAClearError() {
        var avgPool = Pool.avgPool2dBlock(new Shape(2, 2));
        var e = assertThrows(UnsupportedOperationException.class,
                () -> run(avgPool, new float[16], new Shape(1, 1, 4, 4)));
        assertTrue(e.getMessage().contains("lambda block 'avgPool2d' calls an operator that DJL's TensorFlow engine lacks"), e.getMessage());
    }

    @Test
    void maxPoolPadsWithTheLowestValueAsTorchDoes() {
        // all values negative: zero padding would win at the border, torch's implicit padding never does
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1 - i;
        }
        var pool = Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1));
        assertArrayEquals(new float[] {-1, -2, -5, -6}, run(pool, x, new Shape(1, 1, 4, 4)));
    }

    private static float[] run(ai.djl.nn.Block block, float[] values, Shape shape) {
        try (NDManager batch = manager.newSubManager()) {
            return tensorflow.infer(block, new NDList(batch.create(values, shape))).singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void inputsOfAnotherEngineAreRefusedWithWhatToDoInstead() {
        try (NDManager pytorch = Engines.pytorch()) {
            var x = pytorch.create(new float[] {1, 2}, new Shape(1, 2));
            var e = assertThrows(IllegalArgumentException.class, () -> tensorflow.infer(Activation.reluBlock(), new NDList(x)));
            assertTrue(e.getMessage().contains("Backend.newManager()"), e.getMessage());
        }
    }

    @Test
    void resultIsInDjlsChannelsFirstOrder() {
        var relu = Activation.reluBlock();
        // a convolution-free tree keeps DJL's layout; the shape comes back as it went in
        try (NDManager batch = manager.newSubManager()) {
            var y = tensorflow.infer(relu, new NDList(batch.create(new float[24], new Shape(1, 2, 3, 4)))).singletonOrThrow();
            assertEquals(new Shape(1, 2, 3, 4), y.getShape());
        }
    }
}
