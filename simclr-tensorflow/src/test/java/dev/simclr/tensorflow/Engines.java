package dev.simclr.tensorflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.simclr.api.Backend;
import dev.simclr.api.Params;
import dev.simclr.api.Provider;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ParamValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What the tests share: the two engines, providers' parameters, trained-looking blocks. */
final class Engines {

    private Engines() {}

    static NDManager pytorch() {
        return Engine.getEngine("PyTorch").newBaseManager();
    }

    static Backend tensorflow() {
        return new TensorFlowBackendProvider().create(params(new TensorFlowBackendProvider(), Map.of()));
    }

    /** A provider's parameters with its declared defaults filled in. */
    static Params params(Provider provider, Map<String, Object> values) {
        List<ConfigError> errors = new ArrayList<>();
        Params p = ParamValidator.validate(values, provider.parameters(), "test." + provider.name(), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.toString());
        }
        return p;
    }

    /**
     * Initialises {@code block} in {@code manager} and gives every batch norm random gamma, beta and
     * running statistics, so that a forward pass depends on all of them as a trained one does.
     */
    static void initialiseLikeTrained(Block block, NDManager manager, Shape input, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        block.initialize(manager, DataType.FLOAT32, input);
        Random r = new Random(seed);
        for (var e : block.getParameters()) {
            Parameter p = e.getValue();
            String name = p.getName();
            if (name.equals("gamma") || name.equals("beta") || name.equals("runningMean") || name.equals("runningVar")) {
                float[] v = new float[(int) p.getArray().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = switch (name) {
                        case "gamma" -> 0.5f + r.nextFloat();
                        case "runningVar" -> 0.2f + 2 * r.nextFloat();
                        default -> (float) r.nextGaussian() * 0.3f;
                    };
                }
                p.getArray().set(v);
            }
        }
    }

    /** What a run folder's parameter file holds: {@code Block.saveParameters}. */
    static byte[] saveParameters(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads a saved parameter file into {@code block} on {@code manager} as a re-evaluation does: the
     * block is frozen first (an engine without autograd refuses parameters that want gradients),
     * initialised for {@code input}, then filled from the file.
     */
    static void loadFrozen(Block block, NDManager manager, Shape input, byte[] saved) throws Exception {
        block.freezeParameters(true);
        block.initialize(manager, DataType.FLOAT32, input);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            block.loadParameters(manager, in);
        }
    }

    static float[] randomImages(int count, Shape one, long seed) {
        Random r = new Random(seed);
        float[] v = new float[(int) (count * one.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }

    /** Inference on PyTorch: the block's own forward pass. */
    static float[] forwardOnPyTorch(Block block, NDManager manager, float[] pixels, Shape shape) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(pixels, shape);
            return block.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    /** Inference on TensorFlow through the backend, as evaluation calls it. */
    static float[] inferOnTensorFlow(Backend backend, Block block, NDManager manager, float[] pixels, Shape shape) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(pixels, shape);
            NDArray y = backend.infer(block, new NDList(x)).singletonOrThrow();
            return y.toFloatArray();
        }
    }

    static float maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
