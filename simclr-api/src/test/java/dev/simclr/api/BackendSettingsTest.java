package dev.simclr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    private static Map<String, String> check(String device, int devices) {
        return BackendSettings.check(Params.of("backend", Map.of("device", device, "devices", devices)));
    }

    @Test
    void aListOfGpusIsADeviceAndDevicesMayRepeatItsLength() {
        assertEquals(Map.of(), check("gpu:0,1,2,3", 1));
        assertEquals(Map.of(), check("gpu:2,3", 2));
        assertEquals(Map.of(), check("gpu", 8));
        assertEquals(List.of(2, 3), BackendSettings.gpuList("GPU:2,3"));
        assertEquals(List.of(), BackendSettings.gpuList("gpu:2"));
    }

    @Test
    void aListThatRepeatsAGpuOrDisagreesWithDevicesIsRefused() {
        assertEquals(Map.of("device", "'gpu:0,0' names a GPU twice"), check("gpu:0,0", 1));
        assertEquals(Map.of("devices", "3 does not match the 2 GPUs listed in device 'gpu:0,1'; leave devices out with a list, or make it 2"),
                check("gpu:0,1", 3));
        assertEquals(1, check("gpu:0,", 1).size());
    }
}
