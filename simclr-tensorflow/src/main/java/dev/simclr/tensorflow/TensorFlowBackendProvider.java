package dev.simclr.tensorflow;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.tensorflow.engine.TfEngineProvider;
import com.google.auto.service.AutoService;
import dev.simclr.api.Backend;
import dev.simclr.api.DjlRuntime;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Backend {@code tensorflow}: DJL's TensorFlow engine (TensorFlow 2.16.1). It evaluates and embeds
 * with DJL's eager engine, and pre-trains with a TensorFlow graph of the same network through
 * TensorFlow Java (inside DJL's tensorflow-api jar), whose gradients DJL's eager engine lacks. It takes
 * the shared settings of {@link dev.simclr.api.BackendSettings} (see {@link TensorFlowSettings}
 * for how) and has no engine-only ones.
 */
@AutoService(BackendProvider.class)
public final class TensorFlowBackendProvider implements BackendProvider {

    static final String NAME = "tensorflow";
    static final String ENGINE = "TensorFlow";

    /** Used when the engine is not registered with DJL, e.g. when this jar came from a plugin folder. */
    private static Engine unregistered;

    /** The thread settings the engine started with in this process, in words; null before it starts. */
    private static String startedWith;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow through DJL: pre-trains (as a TensorFlow graph), evaluates and embeds";
    }

    @Override
    public Backend create(Params params) {
        TensorFlowNatives natives = TensorFlowNatives.locate();
        if (!natives.found()) {
            throw new IllegalStateException(params.path() + ": backend tensorflow cannot start. " + natives.howToEnable());
        }
        Engine engine = load(natives, params);
        Device device = TensorFlowSettings.device(params, engine.getGpuCount(), String.valueOf(natives.folder().orElse(null)), System.err);
        return new TensorFlowBackend(engine, device, natives);
    }

    @Override
    public BackendStatus status() {
        TensorFlowNatives natives = TensorFlowNatives.locate();
        if (!natives.found()) {
            return new BackendStatus(NAME, false, null, List.of(), false, natives.howToEnable());
        }
        try {
            Engine engine = load(natives);
            List<String> devices = new ArrayList<>();
            devices.add("cpu");
            for (int i = 0; i < engine.getGpuCount(); i++) {
                devices.add("gpu:" + i);
            }
            return new BackendStatus(NAME, true, "TensorFlow " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")",
                    devices, true, "natives: " + natives.folder().get() + "; trains the blocks " + TrainableBlock.SUPPORTED);
        } catch (RuntimeException | LinkageError e) {
            return new BackendStatus(NAME, false, null, List.of(), false, e.getMessage());
        }
    }

    /**
     * Starts DJL's TensorFlow engine on the natives found, offline.
     *
     * @throws IllegalStateException saying which natives failed to load and what to check
     */
    static Engine load(TensorFlowNatives natives) {
        return load(natives, null);
    }

    /**
     * Starts the engine as {@link #load(TensorFlowNatives)}; the first start takes its thread
     * pools from {@code params} (the shared settings), a later one says when they differ.
     */
    static synchronized Engine load(TensorFlowNatives natives, Params params) {
        if (startedWith == null && params != null) {
            TensorFlowSettings.requestThreads(params);
        }
        if (startedWith == null) {
            startedWith = TensorFlowSettings.current();
        } else if (params != null) {
            TensorFlowSettings.noteThreads(params, startedWith, System.err);
        }
        DjlRuntime.configureOffline();
        natives.useForDjl();
        try {
            if (Engine.hasEngine(ENGINE)) {
                return Engine.getEngine(ENGINE);
            }
            if (unregistered == null) {
                unregistered = new TfEngineProvider().getEngine();
            }
            return unregistered;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("the TensorFlow engine could not load its natives from " + natives.folder().orElse(null)
                    + ": " + e + ". They must be TensorFlow 2.16.1 for this operating system, from " + TensorFlowNatives.ARTIFACT, e);
        }
    }
}
