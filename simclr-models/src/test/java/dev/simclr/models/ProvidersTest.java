package dev.simclr.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.simclr.api.Encoder;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Params;
import dev.simclr.api.ProjectionHead;
import dev.simclr.api.ProjectionHeadProvider;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ParamValidator;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private final PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

    @Test
    void encodersAndHeadAreFoundByNameThroughTheServiceLoader() {
        List<String> encoders = registry.all(EncoderProvider.class).stream().map(EncoderProvider::name)
                .collect(Collectors.toList());
        assertTrue(encoders.containsAll(List.of("resnet18", "resnet34", "resnet50")), encoders.toString());
        assertEquals("mlp", registry.get(ProjectionHeadProvider.class, "mlp").name());
    }

    @Test
    void resnet50FromYamlValuesBuildsAQuarterWidthImagenetStemEncoder() {
        EncoderProvider provider = registry.get(EncoderProvider.class, "resnet50");
        Params params = valid(Map.of("stem", "imagenet", "width", 0.25, "zero-init-residual", true), provider.parameters());
        Encoder encoder = provider.create(params, new ImageShape(1, 28, 28));
        assertEquals(512, encoder.featureSize());
        try (NDManager m = NDManager.newBaseManager()) {
            encoder.block().initialize(m, DataType.FLOAT32, new Shape(2, 1, 28, 28));
            assertEquals(new Shape(2, 512), encoder.block().getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[0]);
        }
    }

    @Test
    void encoderDefaultsAreCifarStemFullWidthWithoutZeroInit() {
        EncoderProvider provider = registry.get(EncoderProvider.class, "resnet18");
        Params params = valid(Map.of(), provider.parameters());
        assertEquals(Map.of("stem", "cifar", "width", 1.0, "zero-init-residual", false), params.values());
        assertEquals(512, provider.create(params, new ImageShape(3, 32, 32)).featureSize());
    }

    @Test
    void headDefaultsAreTheReferenceTutorialsTwoLayer512To128Head() {
        ProjectionHeadProvider provider = registry.get(ProjectionHeadProvider.class, "mlp");
        Params params = valid(Map.of(), provider.parameters());
        assertEquals(Map.of("layers", 2, "hidden", 512, "out", 128, "batch-norm", false), params.values());
        ProjectionHead head = provider.create(params, 512);
        assertEquals(128, head.outputSize());
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheirPath() {
        List<ConfigError> errors = new ArrayList<>();
        ParamValidator.validate(Map.of("layers", 5), registry.get(ProjectionHeadProvider.class, "mlp").parameters(),
                "model.head.mlp", errors);
        ParamValidator.validate(Map.of("stem", "tiny"), registry.get(EncoderProvider.class, "resnet18").parameters(),
                "model.encoder.resnet18", errors);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains("model.head.mlp.layers"), errors.get(0).toString());
        assertTrue(errors.get(1).toString().contains("model.encoder.resnet18.stem"), errors.get(1).toString());
    }

    private static Params valid(Map<String, Object> raw, List<dev.simclr.api.Param> declared) {
        List<ConfigError> errors = new ArrayList<>();
        Params p = ParamValidator.validate(raw, declared, "model", errors);
        assertTrue(errors.isEmpty(), errors.toString());
        return p;
    }
}
