package dev.simclr.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.optim.ParameterSlots;
import dev.simclr.train.optim.StatefulOptimizer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
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

    static void write(Path file, Block network, StatefulOptimizer optimizer, TrainingState state) throws IOException {
        Map<String, String> names = namesById(network);
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.setLevel(Deflater.BEST_SPEED);
            CheckpointChecksums sums = new CheckpointChecksums();
            zip.putNextEntry(new ZipEntry(STATE));
            sums.track(STATE, zip).write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Header(FORMAT, optimizer.name(), state)));
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(PARAMETERS));
            writeParameters(new DataOutputStream(sums.track(PARAMETERS, zip)), network);
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(OPTIMIZER));
            writeOptimizer(new DataOutputStream(sums.track(OPTIMIZER, zip)), optimizer, names);
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry(CheckpointChecksums.ENTRY));
            zip.write(sums.text());
            zip.closeEntry();
            zip.finish();
        });
    }

    private static void writeParameters(DataOutputStream out, Block network) throws IOException {
        var params = network.getParameters();
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            out.writeUTF(p.getKey());
            writeArray(out, p.getValue().getArray());
        }
        out.flush();
    }

    private static void writeOptimizer(DataOutputStream out, StatefulOptimizer optimizer, Map<String, String> names) throws IOException {
        Map<String, ParameterSlots> slots = optimizer.state();
        out.writeInt(slots.size());
        for (Map.Entry<String, ParameterSlots> e : slots.entrySet()) {
            String name = names.get(e.getKey());
            if (name == null) {
                throw new IllegalStateException("the optimizer holds state for a parameter that is not in the network (id " + e.getKey() + ")");
            }
            out.writeUTF(name);
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

    /** Copies the checkpoint's parameters and optimizer state into {@code network} and {@code optimizer}. */
    static TrainingState restore(Path file, Block network, StatefulOptimizer optimizer) throws IOException {
        Header header = readHeader(file);
        if (!header.optimizer().equals(optimizer.name())) {
            throw new IllegalArgumentException(file + " was written by optimizer '" + header.optimizer() + "' but the run uses '"
                    + optimizer.name() + "'; resume with train.optimizer: " + header.optimizer());
        }
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            byName.put(p.getKey(), p.getValue());
        }
        try (ZipFile zip = open(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, file, PARAMETERS)))) {
                int n = in.readInt();
                if (n != byName.size()) {
                    throw mismatch(file, "it has " + n + " parameters, the model " + byName.size());
                }
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    Parameter p = byName.get(name);
                    if (p == null) {
                        throw mismatch(file, "its parameter '" + name + "' is not in the model");
                    }
                    NDArray target = p.getArray();
                    try (NDManager scratch = target.getManager().newSubManager()) {
                        NDArray value = readArray(in, scratch);
                        if (!value.getShape().equals(target.getShape()) || value.getDataType() != target.getDataType()) {
                            throw mismatch(file, "parameter '" + name + "' is " + value.getDataType() + value.getShape() + " there and "
                                    + target.getDataType() + target.getShape() + " in the model");
                        }
                        value.toDevice(target.getDevice(), false).copyTo(target);
                    }
                }
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, file, OPTIMIZER)))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    Parameter p = byName.get(name);
                    if (p == null) {
                        throw mismatch(file, "it has optimizer state for '" + name + "', which is not in the model");
                    }
                    long updates = in.readLong();
                    int count = in.readInt();
                    Map<String, NDArray> buffers = new LinkedHashMap<>();
                    NDArray weight = p.getArray();
                    for (int k = 0; k < count; k++) {
                        String buffer = in.readUTF();
                        NDArray value = readArray(in, weight.getManager());
                        if (!value.getDevice().equals(weight.getDevice())) {
                            NDArray moved = value.toDevice(weight.getDevice(), false);
                            value.close();
                            value = moved;
                        }
                        buffers.put(buffer, value);
                    }
                    optimizer.restore(p.getId(), updates, buffers);
                }
            }
        }
        return header.state();
    }

    /** Ids of the block's parameters mapped to their names in the block tree. */
    static Map<String, String> namesById(Block network) {
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
        return names;
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
