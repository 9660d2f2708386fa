package dev.simclr.tensorflow;

import ai.djl.Device;
import dev.simclr.api.BackendSettings;
import dev.simclr.api.Params;
import java.io.PrintStream;
import java.util.Locale;
import org.tensorflow.proto.ConfigProto;

/**
 * How the TensorFlow backend honours the shared {@code backend:} settings. Threads: DJL 0.36's
 * TensorFlow engine sizes the eager context's thread pools from the system properties
 * {@code ai.djl.tensorflow.num_intraop_threads} and {@code ai.djl.tensorflow.num_interop_threads},
 * read once when the engine starts (its {@code JavacppUtils.getSessionConfig}); so they are set
 * before the first start, and a later run in the same process that asks for others is told which
 * it runs with. Devices: one device per run; {@code devices} above 1 is said to be unused.
 */
final class TensorFlowSettings {

    static final String INTRA = "ai.djl.tensorflow.num_intraop_threads";
    static final String INTER = "ai.djl.tensorflow.num_interop_threads";

    private TensorFlowSettings() {}

    /** Sets the thread properties the engine reads when it starts (0 for inter-op: TensorFlow's default). */
    static void requestThreads(Params params) {
        System.setProperty(INTRA, Integer.toString(intraOp(params)));
        if (params.getInt("interop-threads") > 0) {
            System.setProperty(INTER, Integer.toString(params.getInt("interop-threads")));
        } else {
            System.clearProperty(INTER);
        }
    }

    /** The intra-op threads asked for: {@code threads}, or the number of cores for 0 (as on pytorch). */
    static int intraOp(Params params) {
        return params.getInt("threads") > 0 ? params.getInt("threads") : Runtime.getRuntime().availableProcessors();
    }

    /** One line when the engine already runs with other thread pools than these settings ask for. */
    static void noteThreads(Params params, String startedWith, PrintStream err) {
        String asked = threads(Integer.toString(intraOp(params)), params.getInt("interop-threads") > 0 ? Integer.toString(params.getInt("interop-threads")) : null);
        if (!asked.equals(startedWith)) {
            err.println("note: " + params.path() + ".threads/interop-threads (" + asked + ") not applied: TensorFlow reads them once,"
                    + " and this process already runs it with " + startedWith);
        }
    }

    /**
     * The thread pools of a training graph's session: the ones the engine started with (the
     * properties above), so that pre-training and evaluation run on the same threads.
     */
    static ConfigProto sessionConfig() {
        ConfigProto.Builder b = ConfigProto.newBuilder();
        String intra = System.getProperty(INTRA);
        String inter = System.getProperty(INTER);
        if (intra != null) {
            b.setIntraOpParallelismThreads(Integer.parseInt(intra));
        }
        if (inter != null) {
            b.setInterOpParallelismThreads(Integer.parseInt(inter));
        }
        return b.build();
    }

    /** The thread settings as the engine sees them at start, in words. */
    static String current() {
        return threads(System.getProperty(INTRA), System.getProperty(INTER));
    }

    private static String threads(String intra, String inter) {
        return "intra-op " + (intra == null ? "TensorFlow's default" : intra) + ", inter-op " + (inter == null ? "TensorFlow's default" : inter);
    }

    /**
     * The device {@code device} names among {@code gpus} GPUs ({@code auto}: the first GPU, else
     * the CPU), with one line when {@code devices} asks for more than the one this backend uses.
     */
    static Device device(Params params, int gpus, String nativesFolder, PrintStream err) {
        String spec = params.getString("device").trim().toLowerCase(Locale.ROOT);
        Device device;
        if (spec.equals("cpu") || (spec.equals("auto") && gpus == 0)) {
            device = Device.cpu();
        } else {
            // a list gpu:A,B,... runs on its first GPU here
            int id = spec.startsWith("gpu:") ? Integer.parseInt(spec.substring(4).split(",")[0]) : 0;
            if (id >= gpus) {
                throw new IllegalStateException(params.path() + ".device: " + spec + " asked for, but the TensorFlow engine sees "
                        + (gpus == 0 ? "no GPU" : gpus + " GPU(s), gpu:0..gpu:" + (gpus - 1)) + ". The natives in " + nativesFolder
                        + " use a GPU only when unpacked from the linux-x86_64-gpu classifier, on a machine with CUDA; use device: cpu");
            }
            device = Device.gpu(id);
        }
        if (params.getInt("devices") > 1 || BackendSettings.gpuList(spec).size() > 1) {
            err.println("note: " + params.path() + ".devices " + Math.max(params.getInt("devices"), BackendSettings.gpuList(spec).size()) + " not applied: the tensorflow backend runs on one device, "
                    + (device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu"));
        }
        return device;
    }
}
