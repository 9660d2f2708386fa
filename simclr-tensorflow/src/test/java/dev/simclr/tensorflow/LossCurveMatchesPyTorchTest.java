package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.OptimizerSettings;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twenty steps of a tiny ResNet + head from the same parameters on the same batch give PyTorch's
 * loss curve on TensorFlow, and leave a state of the same layout (parameter and buffer names and
 * shapes, update counts) and parameters: the optimizers' formulas are the PyTorch backend's.
 *
 * <p>Batch norm is joint (over all 2B views): per-view batch norm over 8 images of 8x8 pixels is
 * so sensitive that float rounding, the same on both engines in one step (see
 * {@link GradientsMatchPyTorchTest}), grows past 1e-3 within a few steps, and Adam's first
 * update, {@code lr * sign(g)} in effect, turns rounding in gradients near zero into whole steps.
 */
class LossCurveMatchesPyTorchTest extends BothEngines {

    private static final int STEPS = 20;
    private static final int BATCH = 8;
    private static final double LOSS_TOLERANCE = 1e-3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "lars", "sgd"})
    void twentyStepsGivePyTorchsLossCurveAndState(String optimizer) {
        TwinNetworks twin = new TwinNetworks("cifar", new ImageShape(1, 8, 8), false);
        float[] views = Engines.randomImages(2 * BATCH, new Shape(1, 8, 8), 21);
        OptimizerSettings settings = switch (optimizer) {
            case "adam" -> TwinNetworks.adam(3e-3f, 1e-4);
            case "lars" -> TwinNetworks.lars(0.05f, 1e-4, 0.2);
            default -> TwinNetworks.sgd(0.005f, 0.9, true);
        };
        try (NDManager tfm = tensorflow.newManager(); NDManager ptm = pytorch.newManager(); NtXentLoss loss = TwinNetworks.loss()) {
            SimClrNetwork onTf = twin.onTensorFlow(tfm, 4);
            SimClrNetwork onPt = twin.onPyTorchLike(onTf, ptm);
            try (TrainingStep tf = TwinNetworks.step(tensorflow, tfm, onTf, loss, twin, BATCH, false, settings);
                    TrainingStep pt = TwinNetworks.step(pytorch, ptm, onPt, loss, twin, BATCH, false, settings)) {
                double first = Double.NaN;
                double last = Double.NaN;
                for (int step = 0; step < STEPS; step++) {
                    double expected = pt.train(views).loss();
                    double actual = tf.train(views).loss();
                    assertEquals(expected, actual, LOSS_TOLERANCE, optimizer + " step " + (step + 1));
                    first = step == 0 ? expected : first;
                    last = expected;
                }
                assertTrue(first - last > 0.05, optimizer + " should learn the batch: loss " + first + " -> " + last);
                assertSameState(pt.state(), tf.state());
            }
        }
    }

    /**
     * The same optimizer, parameter and buffer names and shapes, update counts, and parameters
     * within 1% in L2 norm (after twenty steps the rounding has grown; the buffers of
     * near-zero gradients differ more, so only their layout is compared).
     */
    private static void assertSameState(StepState expected, StepState actual) {
        assertEquals(expected.optimizer(), actual.optimizer());
        assertEquals(expected.parameters().keySet(), actual.parameters().keySet());
        for (Map.Entry<String, ai.djl.ndarray.NDArray> e : expected.parameters().entrySet()) {
            assertNear(e.getValue().toFloatArray(), actual.parameters().get(e.getKey()).toFloatArray(), e.getKey());
        }
        assertEquals(expected.slots().keySet(), actual.slots().keySet());
        for (Map.Entry<String, StepState.Slots> e : expected.slots().entrySet()) {
            StepState.Slots a = actual.slots().get(e.getKey());
            assertEquals(e.getValue().updates(), a.updates(), e.getKey());
            assertEquals(e.getValue().buffers().keySet(), a.buffers().keySet(), e.getKey());
            e.getValue().buffers().forEach((name, b) -> assertEquals(b.getShape(), a.buffers().get(name).getShape(), e.getKey() + "/" + name));
        }
    }

    /** {@code ||actual - expected|| <= 1% of ||expected||} (L2 over all elements). */
    private static void assertNear(float[] expected, float[] actual, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (actual[i] - expected[i]) * (double) (actual[i] - expected[i]);
            norm += expected[i] * (double) expected[i];
        }
        assertTrue(Math.sqrt(diff) <= 1e-2 * Math.max(Math.sqrt(norm), 1e-3), what + ": ||pytorch - tensorflow|| = " + Math.sqrt(diff)
                + " at norm " + Math.sqrt(norm));
    }
}
