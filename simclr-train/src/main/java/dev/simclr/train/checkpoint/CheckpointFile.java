package dev.simclr.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingStep;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The checkpoint format (see {@link Checkpoint}). Parameters and optimizer buffers are keyed by
 * the parameter's name in the block tree (ids are random per process), and restored by copying
 * into the existing arrays, so that the network keeps its devices and gradients.
 */
final class CheckpointFile {

    static final int FORMAT = 1;
    static final String STATE = "state.json";
    static final String PARAMETERS = "parameters.bin";
    static final String OPTIMIZER = "optimizer.bin";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private CheckpointFile() {}

    /** What {@code state.json} holds. */
    record Header(int format, String optimizer, TrainingState state) {}

    static void write(Path file, StepState step, TrainingState state) throws IOException {
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.setLevel(Deflater.BEST_SPEED);
            CheckpointChecksums sums = new CheckpointChecksums();
            zip.putNextEntry(new ZipEntry(STATE));
            sums.track(STATE, zip).write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Header(FORMAT, step.optimizer(), state)));
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(PARAMETERS));
            writeParameters(new DataOutputStream(sums.track(PARAMETERS, zip)), step.parameters());
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(OPTIMIZER));
            writeSlots(new DataOutputStream(sums.track(OPTIMIZER, zip)), step.slots());
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(CheckpointChecksums.ENTRY));
            zip.write(sums.text());
            zip.closeEntry();
            zip.finish();
        });
    }

    private static void writeParameters(DataOutputStream out, Map<String, NDArray> parameters) throws IOException {
        out.writeInt(parameters.size());
        for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            out.writeUTF(p.getKey());
            writeArray(out, p.getValue());
        }
        out.flush();
    }

    private static void writeSlots(DataOutputStream out, Map<String, StepState.Slots> slots) throws IOException {
        out.writeInt(slots.size());
        for (Map.Entry<String, StepState.Slots> e : slots.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().updates());
            Map<String, NDArray> buffers = e.getValue().buffers();
            out.writeInt(buffers.size());
            for (Map.Entry<String, NDArray> b : buffers.entrySet()) {
                out.writeUTF(b.getKey());
                writeArray(out, b.getValue());
            }
        }
        out.flush();
    }

    /**
     * Reads the whole checkpoint and checks it against its checksums (one written before checksums
     * existed is only opened and its header read).
     *
     * @throws IOException saying what is damaged
     */
    static void verify(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            CheckpointChecksums.verify(zip, file, STATE, PARAMETERS, OPTIMIZER);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + ")", e);
        }
        readHeader(file);
    }

    static Header readHeader(Path file) throws IOException {
        try (ZipFile zip = open(file); InputStream in = entry(zip, file, STATE)) {
            Header h = JSON.readValue(in, Header.class);
            if (h.format() != FORMAT) {
                throw new IOException(file + " is a checkpoint of format " + h.format() + "; this version reads format " + FORMAT);
            }
            return h;
        }
    }

    /** Reads the checkpoint, checks it against the step's own state, and restores the step from it. */
    static TrainingState restore(Path file, TrainingStep step) throws IOException {
        Header header = readHeader(file);
        StepState current = step.state();
        if (!header.optimizer().equals(current.optimizer())) {
            throw new IllegalArgumentException(file + " was written by optimizer '" + header.optimizer() + "' but the run uses '"
                    + current.optimizer() + "'; resume with train.optimizer: " + header.optimizer());
        }
        if (current.parameters().isEmpty()) {
            throw mismatch(file, "the model has no parameters");
        }
        NDManager home = current.parameters().values().iterator().next().getManager();
        try (ZipFile zip = open(file); NDManager scratch = home.newSubManager()) {
            Map<String, NDArray> parameters;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, file, PARAMETERS)))) {
                parameters = readParameters(in, file, current.parameters(), scratch);
            }
            Map<String, StepState.Slots> slots;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, file, OPTIMIZER)))) {
                slots = readSlots(in, file, current.parameters());
            }
            step.restore(new StepState(header.optimizer(), parameters, slots));
        }
        return header.state();
    }

    /** The parameters of the checkpoint, each checked for name, shape and type against the model's. */
    private static Map<String, NDArray> readParameters(DataInputStream in, Path file, Map<String, NDArray> model, NDManager scratch)
            throws IOException {
        int n = in.readInt();
        if (n != model.size()) {
            throw mismatch(file, "it has " + n + " parameters, the model " + model.size());
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            NDArray target = model.get(name);
            if (target == null) {
                throw mismatch(file, "its parameter '" + name + "' is not in the model");
            }
            NDArray value = readArray(in, scratch);
            if (!value.getShape().equals(target.getShape()) || value.getDataType() != target.getDataType()) {
                throw mismatch(file, "parameter '" + name + "' is " + value.getDataType() + value.getShape() + " there and "
                        + target.getDataType() + target.getShape() + " in the model");
            }
            out.put(name, value);
        }
        return out;
    }

    /** The optimizer state of the checkpoint; buffers are made with the manager of their weight. */
    private static Map<String, StepState.Slots> readSlots(DataInputStream in, Path file, Map<String, NDArray> model) throws IOException {
        int n = in.readInt();
        Map<String, StepState.Slots> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            NDArray weight = model.get(name);
            if (weight == null) {
                throw mismatch(file, "it has optimizer state for '" + name + "', which is not in the model");
            }
            long updates = in.readLong();
            int count = in.readInt();
            Map<String, NDArray> buffers = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                String buffer = in.readUTF();
                buffers.put(buffer, readArray(in, weight.getManager()));
            }
            out.put(name, new StepState.Slots(updates, buffers));
        }
        return out;
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        NDArray a = manager.decode(bytes);
        NDScope.unregister(a);
        return a;
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not a readable checkpoint (" + e.getMessage() + "); delete it to resume from an earlier one", e);
        }
    }

    private static InputStream entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException(file + " has no " + name + "; it is not a checkpoint of this program");
        }
        return zip.getInputStream(e);
    }

    private static IllegalArgumentException mismatch(Path file, String what) {
        return new IllegalArgumentException(file + " does not match the model of this run: " + what
                + ". Resume with the run's own config.yaml (model and image size unchanged).");
    }

}
