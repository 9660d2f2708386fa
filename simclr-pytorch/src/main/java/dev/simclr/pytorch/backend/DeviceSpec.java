package dev.simclr.pytorch.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code device: cpu | gpu | gpu:N | auto} against what the engine sees. */
final class DeviceSpec {

    private DeviceSpec() {}

    static List<Device> resolve(String spec, int count, Engine engine, String path) {
        int gpus = engine.getGpuCount();
        String seen = gpus == 0 ? "the " + engine.getEngineName() + " engine sees no GPU (only cpu)"
                : "the " + engine.getEngineName() + " engine sees " + gpus + " GPU(s): gpu:0.." + "gpu:" + (gpus - 1);
        String s = spec.trim().toLowerCase();
        List<Device> out = new ArrayList<>();
        if (s.equals("auto")) {
            s = gpus > 0 ? "gpu" : "cpu";
        }
        if (s.equals("cpu")) {
            if (count > 1) {
                throw new IllegalStateException(path + ": devices: " + count + " needs GPUs; on cpu use devices: 1");
            }
            out.add(Device.cpu());
            return out;
        }
        int first;
        if (s.equals("gpu")) {
            first = 0;
        } else if (s.startsWith("gpu:")) {
            try {
                first = Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(path + ": '" + spec + "' is not a device; use cpu, gpu, gpu:N or auto");
            }
        } else {
            throw new IllegalStateException(path + ": '" + spec + "' is not a device; use cpu, gpu, gpu:N or auto");
        }
        if (first + count > gpus) {
            throw new IllegalStateException(path + ": asked for " + count + " GPU(s) from gpu:" + first + ", but " + seen
                    + ". On a CUDA machine DJL needs its PyTorch CUDA natives (docs/backends.md, GPU); or set device: cpu.");
        }
        for (int i = 0; i < count; i++) {
            out.add(Device.gpu(first + i));
        }
        return out;
    }
}
