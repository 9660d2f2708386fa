package dev.simclr.train.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.simclr.api.Augmentation;
import dev.simclr.api.ImageShape;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.models.portable.EncoderImport;
import dev.simclr.train.config.Sections;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The networks of a run folder: the trained encoder (and the one it started from), saved and loaded. */
public final class TrainedModels {

    private TrainedModels() {}

    /** The trained network of a run folder, loaded into {@code manager}. */
    public static SimClrNetwork load(Components parts, NDManager manager, ImageShape dataShape, List<Augmentation> ops, RunFolder folder)
            throws IOException {
        requireTrainedEncoder(folder);
        return inference(parts, manager, Components.shapeAfter(ops, dataShape), folder.file(RunFolder.ENCODER));
    }

    static void requireTrainedEncoder(RunFolder folder) {
        if (!Files.isRegularFile(folder.file(RunFolder.ENCODER))) {
            throw new IllegalArgumentException(folder.dir() + " has no trained encoder (" + RunFolder.ENCODER + "): did its pre-training finish?");
        }
    }

    /**
     * A frozen network (inference only: engines without autograd accept it) with the encoder
     * parameters of {@code encoderParams}, or as pre-training started (the run's seed, then
     * {@code model.encoder.init} when given) when that is null.
     */
    static SimClrNetwork inference(Components parts, NDManager manager, ImageShape viewShape, Path encoderParams) throws IOException {
        SimClrNetwork network = parts.network(viewShape);
        network.freezeParameters(true);
        Pretrainer.initialize(network, manager, viewShape, parts.config().seed());
        if (encoderParams == null) {
            startFromInit(parts, network);
        } else {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(encoderParams));
                    DataInputStream din = new DataInputStream(in)) {
                network.encoder().loadParameters(manager, din);
            } catch (MalformedModelException e) {
                throw new IOException(encoderParams + " does not match the encoder in " + RunFolder.CONFIG + ": " + e.getMessage(), e);
            }
        }
        return network;
    }

    /**
     * Sets the encoder from the run file's {@code model.encoder.init} safetensors file, when it names
     * one; returns the file, or null.
     */
    static Path startFromInit(Components parts, SimClrNetwork network) throws IOException {
        var encoder = parts.config().encoder().params();
        if (!encoder.has(Sections.ENCODER_INIT)) {
            return null;
        }
        Path file = Path.of(encoder.getString(Sections.ENCODER_INIT));
        try {
            EncoderImport.load(network.encoder(), file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.encoder." + Sections.ENCODER_INIT + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The random-init baseline: the encoder pre-training started from, when the run saved it. */
    static SimClrNetwork initial(Components parts, NDManager manager, ImageShape viewShape, RunFolder folder) throws IOException {
        Path initial = folder.file(RunFolder.INITIAL_ENCODER);
        return inference(parts, manager, viewShape, Files.isRegularFile(initial) ? initial : null);
    }

    static void saveInitial(SimClrNetwork network, RunFolder folder) throws IOException {
        AtomicFiles.write(folder.file(RunFolder.INITIAL_ENCODER), o -> network.encoder().saveParameters(new DataOutputStream(o)));
    }

    static void saveTrained(SimClrNetwork network, RunFolder folder) throws IOException {
        AtomicFiles.write(folder.file(RunFolder.ENCODER), o -> network.encoder().saveParameters(new DataOutputStream(o)));
        AtomicFiles.write(folder.file(RunFolder.NETWORK), o -> network.saveParameters(new DataOutputStream(o)));
    }

    /**
     * The values pre-training learns: the parameters that take gradients, or, in a network frozen
     * because its engine's arrays take none (TensorFlow trains a graph of its own), every parameter
     * but the batch-norm running statistics.
     */
    static long countParameters(SimClrNetwork network) {
        boolean frozen = network.getParameters().values().stream().noneMatch(Parameter::requiresGradient);
        long n = 0;
        for (var p : network.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            boolean learned = frozen ? type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR : p.getValue().requiresGradient();
            if (learned && p.getValue().isInitialized()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }
}
