package dev.simclr.pytorch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    private final Engine engine = Engine.getEngine("PyTorch");

    @Test
    void severalDevicesOnTheCpuAreReplicasOfTheOneCpu() {
        assertEquals(List.of(Device.cpu(), Device.of(Device.Type.CPU, 1), Device.of(Device.Type.CPU, 2)),
                DeviceSpec.resolve("cpu", 3, engine, "backend.device"));
        assertEquals(List.of(Device.cpu()), DeviceSpec.resolve("cpu", 1, engine, "backend.device"));
    }

    @Test
    void gpusTheEngineDoesNotSeeAreRefusedNamingTheFirstMissingOneAndTheCudaBuild() {
        int gpus = engine.getGpuCount();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DeviceSpec.resolve("gpu:" + gpus + "," + (gpus + 1), 1, engine, "backend.device"));
        assertTrue(e.getMessage().startsWith("backend.device: asked for gpu:" + gpus), e.getMessage());
        assertTrue(e.getMessage().contains("-Pcuda"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> DeviceSpec.resolve("gpu", gpus + 1, engine, "backend.device"));
        assertThrows(IllegalStateException.class, () -> DeviceSpec.resolve("tpu", 1, engine, "backend.device"));
    }
}
