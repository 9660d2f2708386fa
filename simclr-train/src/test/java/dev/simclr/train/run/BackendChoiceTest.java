package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Backend;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.train.config.FakeBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    private static final FakeBackend MISSING = new FakeBackend("missing", List.of(), false, false);

    @Test
    void autoPicksTheFirstEngineThatLoadsAndTrains() {
        FakeBackend trains = new FakeBackend("trains", List.of(), true, true);
        assertEquals("trains", BackendChoice.pick(PluginRegistry.of(List.of(MISSING, new FakeBackend("evaluates", List.of(), true, false), trains))));
    }

    @Test
    void autoFallsBackToAnEngineThatOnlyEvaluates() {
        assertEquals("evaluates", BackendChoice.pick(PluginRegistry.of(List.of(MISSING, new FakeBackend("evaluates", List.of(), true, false)))));
    }

    @Test
    void autoWithoutAnyEngineSaysWhyEachOneFailed() {
        var e = assertThrows(IllegalStateException.class, () -> BackendChoice.pick(PluginRegistry.of(List.of(MISSING))));
        assertTrue(e.getMessage().contains("missing: missing natives missing") && e.getMessage().contains("simclr doctor"), e.getMessage());
    }

    @Test
    void autoRecordsTheEngineAndDevicePicked() {
        FakeBackend trains = new FakeBackend("trains", List.of(), true, true);
        ComponentConfig auto = new ComponentConfig("auto", Params.of("backend", Map.of("device", "auto", "threads", 2)));
        AtomicReference<ComponentConfig> picked = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Backend b = BackendChoice.start(PluginRegistry.of(List.of(MISSING, trains)), auto, new PrintStream(err, true, StandardCharsets.UTF_8), picked::set)) {
            assertEquals("trains", b.name());
        }
        assertEquals("trains", picked.get().name());
        assertEquals(Map.of("device", "cpu", "threads", 2), picked.get().params().values());
        assertEquals(auto.params(), trains.created);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("auto picked trains on cpu"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void otherEnginesSettingsAreIgnoredWithOneLineEach() {
        FakeBackend trains = new FakeBackend("trains", List.of(), true, true);
        ComponentConfig c = new ComponentConfig("trains", Params.of("backend", Map.of("device", "cpu", "other", Map.of("x", 1), "trains", Map.of())));
        AtomicReference<ComponentConfig> picked = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BackendChoice.start(PluginRegistry.of(List.of(trains)), c, new PrintStream(err, true, StandardCharsets.UTF_8), picked::set).close();
        assertEquals(List.of("note: backend.other ignored: this run uses backend trains"), err.toString(StandardCharsets.UTF_8).lines().toList());
        assertNull(picked.get(), "a named engine is not replaced");
    }
}
