package dev.simclr.train.run;

import ai.djl.Device;
import dev.simclr.api.Backend;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendSettings;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.Params;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the configured backend: resolves {@code name: auto} to an engine this machine runs,
 * and says in one line that the settings written for other engines are ignored.
 */
final class BackendChoice {

    private BackendChoice() {}

    /**
     * The engine for {@code name: auto}: the first one that loads and can pre-train (so that any
     * run can use it), else the first one that loads; engines are probed in registry order and
     * only until one fits, so an engine after the one picked is never started.
     *
     * @throws IllegalStateException listing why each engine was not usable
     */
    static String pick(PluginRegistry registry) {
        List<String> why = new ArrayList<>();
        String evaluatesOnly = null;
        for (BackendProvider p : registry.all(BackendProvider.class)) {
            BackendStatus s = p.status();
            if (s.available() && s.canTrain()) {
                return p.name();
            }
            if (s.available() && evaluatesOnly == null) {
                evaluatesOnly = p.name();
            }
            why.add(p.name() + ": " + (s.available() ? "cannot train" : s.detail()));
        }
        if (evaluatesOnly != null) {
            return evaluatesOnly;
        }
        throw new IllegalStateException("backend.name: auto found no engine that starts on this machine: " + String.join("; ", why)
                + ". Run `simclr doctor`.");
    }

    /** Starts {@code c}'s backend; for {@code auto}, {@code picked} receives what was chosen, device included. */
    static Backend start(PluginRegistry registry, ComponentConfig c, PrintStream err, java.util.function.Consumer<ComponentConfig> picked) {
        boolean auto = c.name().equals(BackendSettings.AUTO);
        String name = auto ? pick(registry) : c.name();
        noteOtherEngines(c.params(), name, err);
        Backend backend = registry.get(BackendProvider.class, name).create(c.params());
        if (auto) {
            Device d = backend.devices().get(0);
            err.println("note: backend.name auto picked " + name + " on " + deviceName(d));
            picked.accept(new ComponentConfig(name, c.params().with("device", deviceName(d))));
        }
        return backend;
    }

    private static void noteOtherEngines(Params params, String name, PrintStream err) {
        for (Map.Entry<String, Object> e : params.values().entrySet()) {
            if (e.getValue() instanceof Map && !e.getKey().equals(name)) {
                err.println("note: " + params.path() + "." + e.getKey() + " ignored: this run uses backend " + name);
            }
        }
    }

    /** A device as {@code device:} writes it: {@code cpu} or {@code gpu:N}. */
    static String deviceName(Device d) {
        return d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu";
    }
}
