package dev.simclr.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code backend:} settings that mean the same on every engine: which device, how many
 * devices, and the engine's intra-op and inter-op thread pools. Every backend accepts them and
 * applies each one, or prints one line saying what it does instead. Settings only one engine
 * understands live under a key named after it ({@code backend.pytorch: {...}}); see
 * {@link BackendProvider#engineParameters()}.
 */
public final class BackendSettings {

    /** {@code backend: {name: auto}}: the engine (and device) that can do the run on this machine. */
    public static final String AUTO = "auto";

    public static final List<Param> SHARED = List.of(
            Param.string("device", "cpu", "cpu, gpu, gpu:N (one GPU), a list gpu:A,B,... (data-parallel), or auto (GPU when the engine sees one)"),
            Param.integer("devices", 1, 1, 64, "devices to use from the one named by device: data-parallel pre-training when above 1"),
            Param.integer("threads", 0, 0, 1024, "intra-op threads of the engine (0: number of cores)"),
            Param.integer("interop-threads", 1, 0, 1024, "inter-op threads of the engine (0: engine default)"));

    private BackendSettings() {}

    /** Checks the form of {@code device}; the engine checks later whether it has that device. */
    public static Map<String, String> check(Params params) {
        String device = params.getString("device").trim().toLowerCase(Locale.ROOT);
        if (!device.matches("cpu|gpu|gpu:[0-9]+(,[0-9]+)*|auto")) {
            return Map.of("device", "'" + params.getString("device") + "' is not a device; expected cpu, gpu, gpu:N, a list gpu:A,B,... or auto");
        }
        List<Integer> listed = gpuList(device);
        if (listed.size() != listed.stream().distinct().count()) {
            return Map.of("device", "'" + params.getString("device") + "' names a GPU twice");
        }
        int devices = params.getInt("devices");
        if (listed.size() > 1 && devices != 1 && devices != listed.size()) {
            return Map.of("devices", devices + " does not match the " + listed.size() + " GPUs listed in device '"
                    + params.getString("device") + "'; leave devices out with a list, or make it " + listed.size());
        }
        return Map.of();
    }

    /** The GPU ids of a list {@code gpu:A,B,...} in its order; empty for any other form of {@code device}. */
    public static List<Integer> gpuList(String device) {
        String d = device.trim().toLowerCase(Locale.ROOT);
        if (!d.matches("gpu:[0-9]+(,[0-9]+)+")) {
            return List.of();
        }
        return Arrays.stream(d.substring(4).split(",")).map(Integer::valueOf).toList();
    }

    /**
     * The engine-only settings of {@code engine}, validated and nested under its name in the
     * backend's parameters; empty (path {@code backend.<engine>}) when the run file gives none.
     */
    public static Params engineOnly(Params backend, String engine) {
        Object nested = backend.values().get(engine);
        String path = backend.path() + "." + engine;
        if (nested instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) m;
            return Params.of(path, values);
        }
        return Params.of(path, Map.of());
    }
}
