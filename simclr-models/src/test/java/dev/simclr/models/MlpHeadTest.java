package dev.simclr.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.ProjectionHead;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MlpHeadTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Every head of models.json, named {@code ProjectionHead(input_dim=I, hidden_dim=H, output_dim=O)}. */
    static Stream<Arguments> referenceHeads() {
        Pattern name = Pattern.compile("ProjectionHead\\(input_dim=(\\d+), hidden_dim=(\\d+), output_dim=(\\d+)\\)");
        return Golden.entries("projection_heads").stream().map(e -> {
            Matcher m = name.matcher(e.getKey());
            if (!m.matches()) {
                throw new IllegalArgumentException("models.json projection head '" + e.getKey()
                        + "' is not named ProjectionHead(input_dim=I, hidden_dim=H, output_dim=O)");
            }
            return Arguments.of(e.getKey(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), e.getValue());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceHeads")
    void headMatchesTheReferenceTutorialsParameterCountAndOutputShape(String key, int features, int hidden, int output,
                                                                      JsonNode golden) {
        int layers = golden.path("leaf_module_counts").path("Linear").asInt();
        ProjectionHead head = MlpHead.create(features, layers, hidden, output, false);
        NDArray out = forward(head.block(), manager.randomNormal(new Shape(2, features)), false);

        assertEquals(golden.path("total_params").asLong(), Blocks.trainableParameters(head.block()), key);
        assertEquals(layers, Blocks.find(head.block(), Linear.class).size(), key);
        assertArrayEquals(Golden.longs(golden.path("output_shape_for_2x" + features)), out.getShape().getShape(), key);
        assertEquals(output, head.outputSize(), key);
    }

    @Test
    void threeLayerHeadWithBatchNormDropsBiasesAndTheOutputShift() {
        ProjectionHead head = MlpHead.create(64, 3, 32, 16, true);
        NDArray out = forward(head.block(), manager.randomNormal(new Shape(4, 64)), true);

        assertEquals(3, Blocks.find(head.block(), Linear.class).size());
        assertEquals(3, Blocks.find(head.block(), BatchNorm.class).size());
        long linear = 64 * 32 + 32 * 32 + 32 * 16;
        long batchNorm = 2 * 32 + 2 * 32 + 16; // the output batch norm scales but does not shift
        assertEquals(linear + batchNorm, Blocks.trainableParameters(head.block()));
        assertArrayEquals(new long[] {4, 16}, out.getShape().getShape());
    }

    @Test
    void oneLayerHeadIsASingleLinear() {
        ProjectionHead head = MlpHead.create(8, 1, 512, 4, false);
        forward(head.block(), manager.randomNormal(new Shape(2, 8)), false);
        assertEquals(8 * 4 + 4, Blocks.trainableParameters(head.block()));
        assertEquals(1, head.block().getChildren().size());
    }

    @Test
    void linearLayersStartLikeTorchNnLinear() {
        manager.getEngine().setRandomSeed(400);
        ProjectionHead head = MlpHead.create(400, 1, 512, 300, false);
        forward(head.block(), manager.randomNormal(new Shape(2, 400)), false);
        double bound = 1 / Math.sqrt(400);
        for (Parameter p : head.block().getParameters().values()) {
            NDArray a = p.getArray();
            float max = a.abs().max().getFloat();
            // |U(-b, b)| is U(0, b): the largest of n draws stays below b(1 - 10/n) with probability (1 - 10/n)^n < 5e-5
            assertTrue(max <= bound * (1 + 1e-6), p.getName() + " stays within the bound: " + max);
            assertTrue(max >= bound * (1 - 10.0 / a.size()), p.getName() + " reaches the bound: " + max);
            assertEquals(bound / Math.sqrt(3), a.pow(2).mean().sqrt().getFloat(), bound * 0.1, p.getName() + " is uniform");
        }
    }

    private NDArray forward(Block block, NDArray input, boolean training) {
        block.initialize(manager, DataType.FLOAT32, input.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(input), training).singletonOrThrow();
    }
}
