package dev.simclr.pytorch.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.simclr.api.DjlRuntime;
import com.google.auto.service.AutoService;
import dev.simclr.api.Backend;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch engine through DJL (natives from the pytorch-native jar on the class path, so
 * nothing is downloaded): CPU, one GPU, or several GPUs. It applies every shared setting of
 * {@link dev.simclr.api.BackendSettings} and has no engine-only ones.
 */
@AutoService(BackendProvider.class)
public final class PyTorchBackendProvider implements BackendProvider {

    static final String ENGINE = "PyTorch";

    @Override
    public String name() {
        return "pytorch";
    }

    @Override
    public String description() {
        return "PyTorch through DJL: trains and evaluates, on CPU or GPU";
    }

    @Override
    public Backend create(Params params) {
        DjlRuntime.configureOffline();
        Engine engine = load();
        int threads = params.getInt("threads") > 0 ? params.getInt("threads") : Runtime.getRuntime().availableProcessors();
        JniUtils.setNumThreads(threads);
        if (params.getInt("interop-threads") > 0) {
            try {
                JniUtils.setNumInteropThreads(params.getInt("interop-threads"));
            } catch (RuntimeException e) {
                // PyTorch allows setting inter-op threads once per process; later calls keep the first value
                if (JniUtils.getNumInteropThreads() != params.getInt("interop-threads")) {
                    System.err.println("note: " + params.path() + ".interop-threads " + params.getInt("interop-threads")
                            + " not applied; this process already runs with " + JniUtils.getNumInteropThreads());
                }
            }
        }
        List<Device> devices = DeviceSpec.resolve(params.getString("device"), params.getInt("devices"), engine, params.path() + ".device");
        String notes = "threads " + threads + (devices.size() > 1 && !devices.get(0).isGpu()
                ? ", " + devices.size() + " replicas sharing the one CPU (checks the multi-device path; no speed-up)" : "");
        return new DjlBackend(name(), engine, devices, true, notes,
                Map.of("threads", JniUtils.getNumThreads(), "interop_threads", JniUtils.getNumInteropThreads()));
    }

    @Override
    public BackendStatus status() {
        try {
            DjlRuntime.configureOffline();
            Engine engine = load();
            List<String> devices = new ArrayList<>();
            devices.add("cpu");
            for (int i = 0; i < engine.getGpuCount(); i++) {
                devices.add("gpu:" + i);
            }
            return new BackendStatus(name(), true, "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")", devices, true,
                    "natives: " + System.getProperty("user.home") + "/.djl.ai/pytorch (unpacked from the pytorch-native jar)");
        } catch (RuntimeException | LinkageError e) {
            return new BackendStatus(name(), false, null, List.of(), false, String.valueOf(e.getMessage()));
        }
    }

    static Engine load() {
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the PyTorch engine could not start: " + e.getMessage()
                    + ". Its natives come from the jar ai.djl.pytorch:pytorch-native-cpu (classifier for this OS); run `simclr doctor`.", e);
        }
    }
}
