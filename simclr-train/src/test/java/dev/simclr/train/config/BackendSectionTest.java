package dev.simclr.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.BackendSettings;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSectionTest {

    /** "alpha" has one engine-only setting, "beta" none. */
    private final BackendSection section = new BackendSection(PluginRegistry.of(List.of(
            new FakeBackend("alpha", List.of(Param.integer("cache-mb", 64, 0, 4096, "an alpha-only setting")), true, true),
            new FakeBackend("beta", List.of(), true, false))));

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private ComponentConfig valid(Map<String, Object> raw) {
        List<ConfigError> errors = new ArrayList<>();
        ComponentConfig c = section.validate(raw, "alpha", errors);
        assertEquals(List.of(), errors);
        return c;
    }

    private List<String> errors(Object raw) {
        List<ConfigError> errors = new ArrayList<>();
        section.validate(raw, "alpha", errors);
        return errors.stream().map(ConfigError::toString).toList();
    }

    @Test
    void theSharedSettingsAreTakenByEveryEngineSoTheNameAloneSwitches() {
        for (String name : List.of("alpha", "beta")) {
            ComponentConfig c = valid(map("name", name, "device", "gpu:1", "devices", 2, "threads", 3, "interop-threads", 0));
            assertEquals(name, c.name());
            assertEquals(Map.of("device", "gpu:1", "devices", 2, "threads", 3, "interop-threads", 0), c.params().values());
        }
    }

    @Test
    void anOldRunFolderSectionStillLoads() {
        // the keys a run folder's config held before engine-only settings had their own place
        ComponentConfig c = valid(map("name", "alpha", "device", "cpu", "devices", 1, "threads", 0, "interop-threads", 1));
        assertEquals("cpu", c.params().getString("device"));
    }

    @Test
    void engineOnlySettingsAreValidatedUnderTheEngineAndReachIt() {
        ComponentConfig c = valid(map("name", "alpha", "alpha", map("cache-mb", 128)));
        Params own = BackendSettings.engineOnly(c.params(), "alpha");
        assertEquals(128, own.getInt("cache-mb"));
        assertEquals("backend.alpha", own.path());
        assertEquals(List.of("backend.alpha.cache-mb: value 9999 is out of range; expected an integer in [0, 4096]"),
                errors(map("name", "alpha", "alpha", map("cache-mb", 9999))));
    }

    @Test
    void anotherEnginesSettingsAreKeptAndStillChecked() {
        ComponentConfig c = valid(map("name", "beta", "alpha", map("cache-mb", 128)));
        assertEquals(Map.of("cache-mb", 128), c.params().values().get("alpha"));
        assertEquals(1, errors(map("name", "beta", "alpha", map("cache-mb", -1))).size());
    }

    @Test
    void anEngineOnlyKeyAtTheTopIsRefusedNamingItsNewPlace() {
        assertEquals(List.of("backend.cache-mb: only the alpha engine takes this setting; write it under backend.alpha (backend.alpha.cache-mb)"),
                errors(map("name", "beta", "cache-mb", 128)));
    }

    @Test
    void anUnknownKeyListsTheSharedKeysAndTheEngines() {
        assertEquals(List.of("backend.colour: unknown key (known: device, devices, threads, interop-threads, alpha, beta)"),
                errors(map("name", "alpha", "colour", 1)));
    }

    @Test
    void autoIsANameAndPicksTheDeviceTooUnlessOneIsGiven() {
        assertEquals("auto", valid(map("name", "auto")).params().getString("device"));
        assertEquals("cpu", valid(map("name", "auto", "device", "cpu")).params().getString("device"));
        assertTrue(errors("gamma").get(0).contains("(or auto)"), errors("gamma").toString());
    }

    @Test
    void aBadDeviceIsRefusedForAutoAsForANamedEngine() {
        assertEquals(List.of("backend.device: 'tpu' is not a device; expected cpu, gpu, gpu:N, a list gpu:A,B,... or auto"), errors(map("name", "auto", "device", "tpu")));
        assertNull(errors(map("name", "beta", "device", "gpu:3")).stream().findFirst().orElse(null));
    }
}
