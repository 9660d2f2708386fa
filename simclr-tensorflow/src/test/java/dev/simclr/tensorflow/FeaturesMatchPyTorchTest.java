package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.simclr.api.Encoder;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ProjectionHead;
import dev.simclr.models.MlpHeadProvider;
import dev.simclr.models.ResNet18Provider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An encoder trained on PyTorch, saved as a run folder saves it and loaded into the TensorFlow
 * engine, gives the same features there.
 */
class FeaturesMatchPyTorchTest extends TensorFlowEngine {

    private static final float TOLERANCE = 1e-4f;

    private static NDManager onPyTorch;
    private static NDManager onTensorFlow;

    @BeforeAll
    static void openManagers() {
        onPyTorch = Engines.pytorch();
        onTensorFlow = tensorflow.newManager();
    }

    @AfterAll
    static void closeManagers() {
        onTensorFlow.close();
        onPyTorch.close();
    }

    @Test
    void resnet18CifarStemOnFashionMnistSizedImagesMatchesPyTorch() throws Exception {
        assertResNetFeaturesMatch("cifar", new ImageShape(1, 28, 28), 3);
    }

    @Test
    void resnet18CifarStemOnCifarSizedImagesMatchesPyTorch() throws Exception {
        assertResNetFeaturesMatch("cifar", new ImageShape(3, 32, 32), 3);
    }

    @Test
    void resnet18ImagenetStemWithMaxPoolMatchesPyTorch() throws Exception {
        assertResNetFeaturesMatch("imagenet", new ImageShape(3, 32, 32), 4);
    }

    @Test
    void projectionHeadWithBatchNormMatchesPyTorch() throws Exception {
        MlpHeadProvider provider = new MlpHeadProvider();
        var params = Engines.params(provider, Map.of("layers", 3, "hidden", 24, "out", 8, "batch-norm", true));
        Shape input = new Shape(5, 16);
        ProjectionHead trained = provider.create(params, 16);
        Engines.initialiseLikeTrained(trained.block(), onPyTorch, input, 7);
        ProjectionHead loaded = provider.create(params, 16);
        Engines.loadFrozen(loaded.block(), onTensorFlow, input, Engines.saveParameters(trained.block()));

        float[] x = Engines.randomImages(5, new Shape(16), 8);
        float[] expected = Engines.forwardOnPyTorch(trained.block(), onPyTorch, x, input);
        float[] actual = Engines.inferOnTensorFlow(tensorflow, loaded.block(), onTensorFlow, x, input);
        assertTrue(Engines.maxAbsDifference(expected, actual) < TOLERANCE,
                "max |pytorch - tensorflow| = " + Engines.maxAbsDifference(expected, actual));
    }

    @Test
    void encoderParametersSavedOnPyTorchLoadUnchangedIntoTensorFlow() throws Exception {
        ImageShape image = new ImageShape(3, 32, 32);
        Block trained = resnet18("cifar", image).block();
        Shape batch = new Shape(2, 3, 32, 32);
        Engines.initialiseLikeTrained(trained, onPyTorch, batch, 3);
        Block loaded = resnet18("cifar", image).block();
        Engines.loadFrozen(loaded, onTensorFlow, batch, Engines.saveParameters(trained));

        var expected = trained.getParameters();
        var actual = loaded.getParameters();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Parameter e = expected.valueAt(i);
            Parameter a = actual.valueAt(i);
            assertEquals(expected.keyAt(i), actual.keyAt(i));
            assertEquals("TensorFlow", a.getArray().getManager().getEngine().getEngineName());
            assertArrayEquals(e.getArray().toFloatArray(), a.getArray().toFloatArray(), expected.keyAt(i));
        }
    }

    private void assertResNetFeaturesMatch(String stem, ImageShape image, int count) throws Exception {
        Shape batch = new Shape(count, image.channels(), image.height(), image.width());
        Encoder trained = resnet18(stem, image);
        Engines.initialiseLikeTrained(trained.block(), onPyTorch, batch, 11);
        byte[] saved = Engines.saveParameters(trained.block());

        // as a run is re-evaluated: the same architecture, initialised on the backend, then loaded
        Encoder loaded = resnet18(stem, image);
        Engines.loadFrozen(loaded.block(), onTensorFlow, batch, saved);

        float[] pixels = Engines.randomImages(count, batch.slice(1), 12);
        float[] expected = Engines.forwardOnPyTorch(trained.block(), onPyTorch, pixels, batch);
        float[] actual = Engines.inferOnTensorFlow(tensorflow, loaded.block(), onTensorFlow, pixels, batch);
        assertEquals(count * trained.featureSize(), actual.length);
        assertTrue(Engines.maxAbsDifference(expected, new float[expected.length]) > 100 * TOLERANCE,
                "features this small would match anything");
        float diff = Engines.maxAbsDifference(expected, actual);
        assertTrue(diff < TOLERANCE, stem + " stem on " + image + ": max |pytorch - tensorflow| = " + diff);
    }

    private static Encoder resnet18(String stem, ImageShape image) {
        ResNet18Provider provider = new ResNet18Provider();
        return provider.create(Engines.params(provider, Map.of("stem", stem, "width", 0.25)), image);
    }
}
