package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.simclr.api.Backend;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorFlowBackendProviderTest {

    private final TensorFlowBackendProvider provider = new TensorFlowBackendProvider();

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        PluginRegistry registry = PluginRegistry.load(List.of(getClass().getClassLoader()));
        assertTrue(registry.get(BackendProvider.class, "tensorflow") instanceof TensorFlowBackendProvider);
    }

    @Test
    void statusReportsTensorFlowVersionDevicesNativesAndThatItCanTrain() {
        BackendStatus s = provider.status();
        assertTrue(s.available(), s.detail());
        assertEquals("tensorflow", s.name());
        assertTrue(s.version().startsWith("TensorFlow 2.16.1"), s.version());
        assertTrue(s.devices().contains("cpu"));
        assertTrue(s.canTrain());
        assertTrue(s.detail().contains("natives: ") && s.detail().contains("trains the blocks"), s.detail());
    }

    @Test
    void backendCanTrainAndDescribesItsEngine() {
        try (Backend b = Engines.tensorflow()) {
            assertTrue(b.canTrain());
            assertEquals("tensorflow", b.name());
            assertEquals("TensorFlow", b.engine().getEngineName());
            assertTrue(b.describe().contains("TensorFlow 2.16.1"), b.describe());
        }
    }

    @Test
    void gpuOnAMachineWithoutOneIsRefusedWithWhatToUseInstead() {
        try (Backend b = Engines.tensorflow()) {
            assumeTrue(b.engine().getGpuCount() == 0, "this machine has a GPU");
        }
        var e = assertThrows(IllegalStateException.class,
                () -> provider.create(Engines.params(provider, Map.of("device", "gpu"))));
        assertTrue(e.getMessage().contains("sees no GPU") && e.getMessage().contains("device: cpu"), e.getMessage());
    }
}
