package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From the same parameters and the same two-view batch, the TensorFlow graph's loss and the
 * gradient of every trained parameter equal PyTorch's autograd. (Per-view batch norm in a
 * batch-norm head normalises each layer over B rows; at B = 4 float rounding alone moves those
 * gradients by about 2e-4 of their size on either engine, so that case runs at B = 8.)
 */
class GradientsMatchPyTorchTest extends BothEngines {

    private static final double RELATIVE = 1e-4;

    @ParameterizedTest(name = "{0} stem, {1}x{1} views, per-view batch norm {2}, batch-norm head {3}, batch {4}")
    @CsvSource({"cifar, 8, true, true, 8", "cifar, 8, false, true, 4", "imagenet, 16, false, false, 4"})
    void lossAndEveryParameterGradientMatchPyTorch(String stem, int size, boolean perView, boolean bnHead, int batch) {
        TwinNetworks twin = new TwinNetworks(stem, new ImageShape(1, size, size), bnHead);
        float[] views = Engines.randomImages(2 * batch, new Shape(1, size, size), 5);
        try (NDManager tfm = tensorflow.newManager(); NDManager ptm = pytorch.newManager(); NtXentLoss loss = TwinNetworks.loss()) {
            SimClrNetwork onTf = twin.onTensorFlow(tfm, 3);
            SimClrNetwork onPt = twin.onPyTorchLike(onTf, ptm);
            Map<String, float[]> expected = pyTorchGradients(onPt, ptm, loss, views, twin, perView, batch);
            try (TrainingStep step = TwinNetworks.step(tensorflow, tfm, onTf, loss, twin, batch, perView, TwinNetworks.sgd(0.1f, 0, false))) {
                Map<String, float[]> actual = ((GraphTrainingStep) step).gradients(views);
                assertEquals(expected.keySet(), actual.keySet(), "the same parameters are trained");
                for (String name : expected.keySet()) {
                    assertClose(expected.get(name), actual.get(name), name);
                }
            }
        }
    }

    /** The loss and the gradient of each parameter that requires one, by name, from PyTorch's autograd. */
    private static Map<String, float[]> pyTorchGradients(SimClrNetwork network, NDManager manager, NtXentLoss loss, float[] views,
            TwinNetworks twin, boolean perView, int batch) {
        Map<String, float[]> out = new LinkedHashMap<>();
        ImageShape s = twin.image();
        try (NDManager arrays = manager.newSubManager(); GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray x = arrays.create(views, new Shape(2 * batch, s.channels(), s.height(), s.width()));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray z = perView
                    ? NDArrays.concat(new NDList(forward(network, ps, x.get(new NDIndex("0:{}", batch))),
                            forward(network, ps, x.get(new NDIndex("{}:", batch)))))
                    : forward(network, ps, x);
            NDArray value = loss.compute(z).loss();
            gc.backward(value);
            out.put("loss", new float[] {value.getFloat()});
            for (var p : network.getParameters()) {
                Parameter param = p.getValue();
                if (param.requiresGradient()) {
                    out.put(p.getKey(), param.getArray().getGradient().toFloatArray());
                }
            }
        }
        return out;
    }

    private static NDArray forward(SimClrNetwork network, ParameterStore ps, NDArray x) {
        return network.forward(ps, new NDList(x), true).singletonOrThrow();
    }

    /** Every element within {@link #RELATIVE} of the largest element of the expected values. */
    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float scale = Engines.maxAbsDifference(expected, new float[expected.length]);
        float diff = Engines.maxAbsDifference(expected, actual);
        assertTrue(diff <= RELATIVE * Math.max(scale, 1e-6f), what + ": max |pytorch - tensorflow| = " + diff + " at scale " + scale);
    }
}
