package dev.simclr.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.models.portable.EncoderExport;
import dev.simclr.models.portable.EncoderImport;
import dev.simclr.models.portable.SafeTensors;
import dev.simclr.models.portable.Tensor;
import dev.simclr.models.portable.TorchvisionNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The torchvision round trip, against PyTorch itself: an exported encoder loaded into
 * {@code torchvision.models.resnetN()} (fc = Identity, {@code strict=True}) gives our features, and
 * a torchvision-initialised encoder imported into ours gives torchvision's. Runs when {@code python3}
 * (or {@code $SIMCLR_PYTHON}) imports torch and torchvision, as Debian's python3-torch and
 * python3-torchvision provide; skipped with a message otherwise.
 */
class TorchvisionRoundTripTest {

    /**
     * Features of the two engines (libtorch 2.7 here, the system's torch there) agree to 1e-5 of the
     * largest feature: float32 keeps about 7 digits, and randomly initialised deep ResNets give
     * features in the thousands, where summation order alone moves the fourth decimal.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    private static final String PYTHON = System.getenv().getOrDefault("SIMCLR_PYTHON", "python3");

    private static Boolean torchAvailable;

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(torchAvailable(), PYTHON + " cannot import torch and torchvision: the torchvision round trip is skipped"
                + " (install python3-torch and python3-torchvision, or point SIMCLR_PYTHON at a Python that has them)");
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> torchvisionModels() {
        return ResNetTest.torchvisionModels();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("torchvisionModels")
    void torchvisionLoadsOurExportAndWeLoadTorchvisionsWeightsWithEqualFeatures(ResNetDepth depth, Stem stem, String key, JsonNode golden)
            throws IOException, InterruptedException {
        Shape inputShape = new Shape(2, 3, 64, 64);
        Engine.getInstance().setRandomSeed(3);
        Block ours = encoder(depth, stem, inputShape);
        randomizeBatchNorms(ours, new Random(7));
        float[] x = gaussian(inputShape, new Random(11));
        SafeTensors.write(dir.resolve("input.safetensors"), Map.of(), Map.of("x", new Tensor(inputShape.getShape(), x)));
        EncoderExport.write(ours, key, dir.resolve("ours.safetensors"));

        runPython();

        assertClose(features(ours, x, inputShape), read("tv_of_ours.safetensors"), key + ": torchvision on our export vs ours");
        Block imported = encoder(depth, stem, inputShape);
        EncoderImport.load(imported, dir.resolve("tv.safetensors"));
        assertClose(read("tv_features.safetensors"), features(imported, x, inputShape), key + ": ours on torchvision's weights vs torchvision");
    }

    private Block encoder(ResNetDepth depth, Stem stem, Shape inputShape) {
        Block b = ResNet.builder().depth(depth).stem(stem).build().block();
        b.initialize(manager, DataType.FLOAT32, inputShape);
        return b;
    }

    /** Batch norms as after training (not 0/1), so the statistics' names and order are tested too. */
    private static void randomizeBatchNorms(Block b, Random r) {
        for (Map.Entry<String, Parameter> e : TorchvisionNames.of(b).orElseThrow().parameters().entrySet()) {
            if (e.getKey().contains("bn") || e.getKey().contains("downsample.1")) {
                float[] v = new float[(int) e.getValue().getArray().size()];
                boolean positive = e.getKey().endsWith("running_var") || e.getKey().endsWith(".weight");
                for (int i = 0; i < v.length; i++) {
                    v[i] = positive ? 0.5f + r.nextFloat() : 0.4f * r.nextFloat() - 0.2f;
                }
                e.getValue().getArray().set(FloatBuffer.wrap(v));
            }
        }
    }

    private static float[] gaussian(Shape shape, Random r) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private float[] features(Block b, float[] x, Shape shape) {
        NDList out = b.forward(new ParameterStore(manager, false), new NDList(manager.create(x, shape)), false);
        return out.singletonOrThrow().toFloatArray();
    }

    private float[] read(String file) throws IOException {
        return SafeTensors.read(dir.resolve(file)).tensors().get("y").values();
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": feature count");
        double max = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        if (Boolean.getBoolean("simclr.golden.verbose")) {
            System.out.printf("%s: max |diff| %.3g, max |feature| %.3g%n", what, max, scale);
        }
        double bound = RELATIVE_TOLERANCE * Math.max(1, scale);
        assertTrue(max <= bound, what + ": max |diff| " + max + " > " + bound + " (1e-5 of the largest feature, " + scale + ")");
    }

    private void runPython() throws IOException, InterruptedException {
        Path script = dir.resolve("torchvision_round_trip.py");
        try (InputStream in = getClass().getResourceAsStream("/torchvision_round_trip.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "python did not finish");
        assertEquals(0, p.exitValue(), "torchvision side failed:\n" + output);
    }

    private static synchronized boolean torchAvailable() {
        if (torchAvailable == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                torchAvailable = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                torchAvailable = false;
            }
        }
        return torchAvailable;
    }
}
