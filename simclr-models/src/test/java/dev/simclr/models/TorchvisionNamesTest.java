package dev.simclr.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.models.portable.TorchvisionNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The names and shapes an export writes are those of torchvision's {@code state_dict}: derived here
 * from models.json's list of torchvision's leaf modules (every {@code Conv2d} has a {@code weight}
 * of shape {@code [out, in, kh, kw]}, every {@code BatchNorm2d} a {@code weight}, {@code bias},
 * {@code running_mean} and {@code running_var} of its feature count), without Python.
 */
class TorchvisionNamesTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> torchvisionModels() {
        return ResNetTest.torchvisionModels();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("torchvisionModels")
    void everyTensorHasTorchvisionsNameAndShapeAndNoneIsLeftOver(ResNetDepth depth, Stem stem, String key, JsonNode golden) {
        Block block = ResNet.builder().depth(depth).stem(stem).build().block();
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));

        TorchvisionNames.Layout layout = TorchvisionNames.of(block).orElseThrow(() -> new AssertionError(key + ": no torchvision layout"));

        Map<String, String> expected = new TreeMap<>(stateDictShapes(golden));
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, Parameter> e : layout.parameters().entrySet()) {
            actual.put(e.getKey(), Arrays.toString(e.getValue().getArray().getShape().getShape()));
        }
        assertEquals(expected, actual, key);
        assertEquals(golden.path("num_param_tensors").asInt() + 2 * golden.path("num_bn_layers").asInt(), actual.size(), key);
        assertEquals(depth, layout.depth(), key);
        assertEquals(stem == Stem.CIFAR, layout.cifarStem(), key);
        assertTrue(actual.keySet().stream().noneMatch(n -> n.startsWith("fc.")), key + ": no classifier");
    }

    /** torchvision's state_dict names and shapes (without num_batches_tracked), from the leaf modules. */
    private static Map<String, String> stateDictShapes(JsonNode golden) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode leaf : golden.path("leaves")) {
            String name = leaf.path("name").asText();
            switch (leaf.path("type").asText()) {
                case "Conv2d" -> {
                    long[] k = Golden.longs(leaf.path("k"));
                    out.put(name + ".weight", Arrays.toString(new long[] {leaf.path("out_ch").asLong(), leaf.path("in_ch").asLong(), k[0], k[1]}));
                    assertTrue(!leaf.path("bias").asBoolean(), name + " has a bias in torchvision");
                }
                case "BatchNorm2d" -> {
                    String shape = Arrays.toString(new long[] {leaf.path("features").asLong()});
                    for (String t : new String[] {"weight", "bias", "running_mean", "running_var"}) {
                        out.put(name + "." + t, shape);
                    }
                }
                default -> assertEquals(0, leaf.path("params").asInt(), name + " (" + leaf.path("type").asText() + ") has parameters");
            }
        }
        return out;
    }
}
