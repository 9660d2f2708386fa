package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.simclr.api.Params;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the shared backend settings are honoured on TensorFlow, without starting the engine. */
class TensorFlowSettingsTest {

    private static Params shared(String device, int devices, int threads, int interop) {
        return Params.of("backend", Map.of("device", device, "devices", devices, "threads", threads, "interop-threads", interop));
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private List<String> notes() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void deviceNamesOneOfTheGpusTheEngineSeesOrTheCpu() {
        assertEquals(Device.cpu(), TensorFlowSettings.device(shared("cpu", 1, 0, 1), 2, "n", errStream));
        assertEquals(Device.cpu(), TensorFlowSettings.device(shared("auto", 1, 0, 1), 0, "n", errStream));
        assertEquals(Device.gpu(0), TensorFlowSettings.device(shared("auto", 1, 0, 1), 2, "n", errStream));
        assertEquals(Device.gpu(1), TensorFlowSettings.device(shared("gpu:1", 1, 0, 1), 2, "n", errStream));
        var e = assertThrows(IllegalStateException.class, () -> TensorFlowSettings.device(shared("gpu:2", 1, 0, 1), 2, "n", errStream));
        assertTrue(e.getMessage().startsWith("backend.device: gpu:2") && e.getMessage().contains("gpu:0..gpu:1"), e.getMessage());
        assertEquals(List.of(), notes());
    }

    @Test
    void moreThanOneDeviceIsSaidToBeUnusedInOneLine() {
        TensorFlowSettings.device(shared("cpu", 2, 0, 1), 0, "n", errStream);
        TensorFlowSettings.device(shared("gpu:1", 3, 0, 1), 2, "n", errStream);
        assertEquals(List.of("note: backend.devices 2 not applied: the tensorflow backend runs on one device, cpu",
                "note: backend.devices 3 not applied: the tensorflow backend runs on one device, gpu:1"), notes());
    }

    @Test
    void threadsBecomeTheEnginesStartPropertiesAndZeroMeansItsDefault() {
        String intra = System.getProperty(TensorFlowSettings.INTRA);
        String inter = System.getProperty(TensorFlowSettings.INTER);
        try {
            TensorFlowSettings.requestThreads(shared("cpu", 1, 3, 0));
            assertEquals("3", System.getProperty(TensorFlowSettings.INTRA));
            assertEquals(null, System.getProperty(TensorFlowSettings.INTER));
            assertEquals("intra-op 3, inter-op TensorFlow's default", TensorFlowSettings.current());
            TensorFlowSettings.requestThreads(shared("cpu", 1, 0, 2));
            assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), System.getProperty(TensorFlowSettings.INTRA));
            assertEquals("2", System.getProperty(TensorFlowSettings.INTER));
        } finally {
            restore(TensorFlowSettings.INTRA, intra);
            restore(TensorFlowSettings.INTER, inter);
        }
    }

    @Test
    void otherThreadsThanTheEngineStartedWithAreNotedOnce() {
        TensorFlowSettings.noteThreads(shared("cpu", 1, 3, 2), "intra-op 3, inter-op 2", errStream);
        assertEquals(List.of(), notes());
        TensorFlowSettings.noteThreads(shared("cpu", 1, 4, 2), "intra-op 3, inter-op 2", errStream);
        assertEquals(List.of("note: backend.threads/interop-threads (intra-op 4, inter-op 2) not applied: TensorFlow reads them once,"
                + " and this process already runs it with intra-op 3, inter-op 2"), notes());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
