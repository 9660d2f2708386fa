package dev.simclr.pytorch.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.simclr.api.BackendSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code device: cpu | gpu | gpu:N | gpu:A,B,... | auto} with {@code devices: N} against what
 * the engine sees. {@code devices} above 1 on the CPU makes that many replicas on the one CPU (they
 * share its cores: a way to run the multi-device path without GPUs, not a speed-up).
 */
final class DeviceSpec {

    private static final String FORMS = "use cpu, gpu, gpu:N, a list gpu:A,B,... or auto";

    private DeviceSpec() {}

    static List<Device> resolve(String spec, int count, Engine engine, String path) {
        int gpus = engine.getGpuCount();
        String s = spec.trim().toLowerCase();
        if (s.equals("auto")) {
            s = gpus > 0 ? "gpu" : "cpu";
        }
        List<Device> out = new ArrayList<>();
        if (s.equals("cpu")) {
            for (int i = 0; i < count; i++) {
                out.add(i == 0 ? Device.cpu() : Device.of(Device.Type.CPU, i));
            }
            return out;
        }
        for (int id : gpuIds(s, count, spec, path)) {
            if (id >= gpus) {
                String seen = gpus == 0 ? "the " + engine.getEngineName() + " engine sees no GPU (only cpu)"
                        : "the " + engine.getEngineName() + " engine sees " + gpus + " GPU(s): gpu:0..gpu:" + (gpus - 1);
                throw new IllegalStateException(path + ": asked for gpu:" + id + " (" + spec + ", devices " + count + "), but " + seen
                        + ". On a CUDA machine DJL needs its PyTorch CUDA natives (build with -Pcuda, docs/backends.md); or set device: cpu.");
            }
            out.add(Device.gpu(id));
        }
        return out;
    }

    /** The GPU ids {@code s} names: {@code count} from the first for gpu and gpu:N, the list itself for a list. */
    private static List<Integer> gpuIds(String s, int count, String spec, String path) {
        List<Integer> listed = BackendSettings.gpuList(s);
        if (!listed.isEmpty()) {
            return listed; // its agreement with devices is checked with the rest of the run file
        }
        if (!s.equals("gpu") && !s.startsWith("gpu:")) {
            throw new IllegalStateException(path + ": '" + spec + "' is not a device; " + FORMS);
        }
        int first = s.equals("gpu") ? 0 : parse(s.substring(4), spec, path);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(first + i);
        }
        return ids;
    }

    private static int parse(String id, String spec, String path) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(path + ": '" + spec + "' is not a device; " + FORMS);
        }
    }
}
