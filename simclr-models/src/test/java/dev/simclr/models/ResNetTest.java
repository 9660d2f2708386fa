package dev.simclr.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.Encoder;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResNetTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Every encoder of models.json, named {@code resnet<depth>_fc_identity_<stem>_stem}. */
    static Stream<Arguments> torchvisionModels() {
        Pattern name = Pattern.compile("resnet(\\d+)_fc_identity_(\\w+)_stem");
        return Golden.entries("encoders").stream().map(e -> {
            Matcher m = name.matcher(e.getKey());
            if (!m.matches()) {
                throw new IllegalArgumentException("models.json encoder '" + e.getKey()
                        + "' is not named resnet<depth>_fc_identity_<stem>_stem");
            }
            return Arguments.of(ResNetDepth.valueOf("RESNET" + m.group(1)), Stem.fromKey(m.group(2)), e.getKey(), e.getValue());
        });
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("torchvisionModels")
    void parameterAndLayerCountsAndOutputShapesMatchTorchvision(ResNetDepth depth, Stem stem, String key, JsonNode golden) {
        Encoder encoder = ResNet.builder().depth(depth).stem(stem).build();
        Block block = encoder.block();
        JsonNode shapes = golden.path("shapes");
        assertTrue(shapes.size() > 0, key + " has no shapes");
        Shape first = new Shape(Golden.longs(shapes.elements().next().path("input")));
        block.initialize(manager, DataType.FLOAT32, first);

        assertEquals(golden.path("total_params").asLong(), Blocks.trainableParameters(block), key + ": trainable parameters");
        assertEquals(golden.path("leaf_module_counts").path("Conv2d").asInt(), Blocks.find(block, Conv2d.class).size(), key);
        assertEquals(golden.path("num_bn_layers").asInt(), Blocks.find(block, BatchNorm.class).size(), key);
        for (Map.Entry<String, JsonNode> s : shapes.properties()) {
            long[] expected = Golden.longs(s.getValue().path("output"));
            Shape input = new Shape(Golden.longs(s.getValue().path("input")));
            assertArrayEquals(expected, block.getOutputShapes(new Shape[] {input})[0].getShape(), key + " on " + s.getKey());
            assertEquals(expected[1], encoder.featureSize(), key + " on " + s.getKey() + ": feature size");
        }
    }

    @Test
    void resNet18WithCifarStemMapsOneCifarImageTo512Features() {
        Encoder encoder = ResNet.builder().depth(ResNetDepth.RESNET18).stem(Stem.CIFAR).build();
        NDArray out = forward(encoder.block(), manager.randomUniform(0, 1, new Shape(1, 3, 32, 32)), false);
        assertArrayEquals(new long[] {1, 512}, out.getShape().getShape());
        assertEquals(512, encoder.featureSize());
    }

    @Test
    void quarterWidthOnGrayscaleImagesUses16To128ChannelsAndOneInputChannel() {
        Encoder encoder = ResNet.builder().depth(ResNetDepth.RESNET18).stem(Stem.CIFAR).width(0.25).build();
        NDArray out = forward(encoder.block(), manager.randomUniform(0, 1, new Shape(2, 1, 28, 28)), true);

        assertArrayEquals(new long[] {2, 128}, out.getShape().getShape());
        assertEquals(128, encoder.featureSize());
        List<Conv2d> convs = Blocks.find(encoder.block(), Conv2d.class);
        assertArrayEquals(new long[] {16, 1, 3, 3}, weight(convs.get(0)).getShape().getShape());
        assertArrayEquals(new long[] {128, 128, 3, 3}, weight(convs.get(convs.size() - 1)).getShape().getShape());
    }

    @Test
    void widthRoundsChannelsToNearestAndKeepsAtLeastOne() {
        assertEquals(16, ResNet.scaled(64, 0.25));
        assertEquals(43, ResNet.scaled(64, 0.67));
        assertEquals(1, ResNet.scaled(64, 0.001));
        assertEquals(1024, ResNet.scaled(512, 2.0));
        assertThrows(IllegalArgumentException.class, () -> ResNet.builder().width(0));
    }

    @Test
    void zeroInitResidualZeroesOnlyTheLastBatchNormOfEachResidualBranch() {
        Block plain = initialised(ResNet.builder().depth(ResNetDepth.RESNET50).width(0.0625).build());
        Block zeroed = initialised(ResNet.builder().depth(ResNetDepth.RESNET50).width(0.0625)
                .zeroInitResidual(true).build());

        List<ResidualConnection> residuals = Blocks.find(zeroed, ResidualConnection.class);
        assertEquals(16, residuals.size());
        for (ResidualConnection r : residuals) {
            List<BatchNorm> bns = Blocks.find(r.branch(), BatchNorm.class);
            assertEquals(0f, gamma(bns.get(bns.size() - 1)).abs().max().getFloat(), "last gamma of branch");
            assertEquals(1f, gamma(bns.get(0)).min().getFloat(), "first gamma of branch");
            r.shortcut().ifPresent(s -> assertEquals(1f, gamma(Blocks.find(s, BatchNorm.class).get(0)).min().getFloat()));
        }
        for (BatchNorm bn : Blocks.find(plain, BatchNorm.class)) {
            assertEquals(1f, gamma(bn).min().getFloat());
            assertEquals(0f, param(bn, Parameter.Type.BETA).abs().max().getFloat());
        }
    }

    @Test
    void convolutionsStartWithKaimingNormalFanOut() {
        Block block = initialised(ResNet.builder().depth(ResNetDepth.RESNET18).build());
        List<Conv2d> convs = Blocks.find(block, Conv2d.class);
        NDArray w = weight(convs.get(convs.size() - 1)); // layer4: 512 x 512 x 3 x 3
        double expectedStd = Math.sqrt(2.0 / (512 * 3 * 3));
        double std = w.pow(2).mean().sqrt().getFloat();
        assertEquals(expectedStd, std, expectedStd * 0.01);
        assertEquals(0.0, w.mean().getFloat(), expectedStd * 0.01);
    }

    @Test
    void batchNormUsesTorchMomentumAndEpsilon() {
        BatchNorm bn = TorchLayers.batchNorm(false, true);
        bn.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 1, 1));
        NDArray x = manager.create(new float[] {1, 2, 3, 6}, new Shape(4, 1, 1, 1));
        bn.forward(new ParameterStore(manager, false), new NDList(x), true);
        // torch: running = 0.9 * running + 0.1 * batch statistic (unbiased variance)
        assertEquals(0.1f * 3f, param(bn, Parameter.Type.RUNNING_MEAN).getFloat(0), 1e-6f);
        assertEquals(0.9f + 0.1f * (14f / 3f), param(bn, Parameter.Type.RUNNING_VAR).getFloat(0), 1e-6f);

        BatchNorm fresh = TorchLayers.batchNorm(false, true);
        fresh.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 1));
        NDArray big = manager.create(new float[] {1000f}, new Shape(1, 1, 1, 1));
        float y = fresh.forward(new ParameterStore(manager, false), new NDList(big), false).singletonOrThrow().getFloat();
        assertEquals(1000.0 / Math.sqrt(1 + 1e-5), y, 1e-3);
    }

    @Test
    void imagenetStemDownsamplesFourTimesBeforeTheFirstStage() {
        Block cifar = ResNet.builder().stem(Stem.CIFAR).build().block();
        Block imagenet = ResNet.builder().stem(Stem.IMAGENET).build().block();
        Shape[] in = {new Shape(2, 3, 32, 32)};
        cifar.initialize(manager, DataType.FLOAT32, in);
        imagenet.initialize(manager, DataType.FLOAT32, in);
        Block cifarStem = cifar.getChildren().values().get(0);
        Block imagenetStem = imagenet.getChildren().values().get(0);
        assertArrayEquals(new long[] {2, 64, 32, 32}, cifarStem.getOutputShapes(in)[0].getShape());
        assertArrayEquals(new long[] {2, 64, 8, 8}, imagenetStem.getOutputShapes(in)[0].getShape());
        assertTrue(Blocks.find(imagenet, Conv2d.class).size() == Blocks.find(cifar, Conv2d.class).size());
    }

    private Block initialised(Encoder encoder) {
        encoder.block().initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        return encoder.block();
    }

    private NDArray forward(Block block, NDArray input, boolean training) {
        block.initialize(manager, DataType.FLOAT32, input.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(input), training).singletonOrThrow();
    }

    private static NDArray weight(Conv2d conv) {
        return param(conv, Parameter.Type.WEIGHT);
    }

    private static NDArray gamma(BatchNorm bn) {
        return param(bn, Parameter.Type.GAMMA);
    }

    private static NDArray param(Block block, Parameter.Type type) {
        return block.getDirectParameters().values().stream()
                .filter(p -> p.getType() == type)
                .findFirst()
                .orElseThrow()
                .getArray();
    }
}
