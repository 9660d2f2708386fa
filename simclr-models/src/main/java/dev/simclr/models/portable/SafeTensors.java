package dev.simclr.models.portable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simclr.api.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (huggingface/safetensors, its README's "Format" section): an unsigned
 * 64-bit little-endian header length, a JSON header naming each tensor's dtype, shape and byte
 * range, optional string metadata under {@code __metadata__}, then the raw little-endian tensor
 * bytes. Only float32 ({@code F32}) tensors are written and read: what a ResNet's weights and
 * batch-norm statistics are. Tensors of other types are listed by name and type, not read (torch
 * writes batch norm's {@code num_batches_tracked} as {@code I64}); what to do with them is the caller's choice.
 */
public final class SafeTensors {

    /** The header key the format reserves for string metadata. */
    public static final String METADATA = "__metadata__";

    /** The format caps the header at 100 MB; a larger length means the file is not safetensors. */
    private static final long MAX_HEADER = 100_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {}

    /**
     * A file's metadata and float32 tensors, in the order the header lists them, and the dtype of
     * each tensor that is not float32.
     */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors, Map<String, String> otherTypes) {}

    /** Writes {@code tensors} (in their map order) and {@code metadata} to {@code file}, atomically. */
    public static void write(Path file, Map<String, String> metadata, Map<String, Tensor> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA, metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().values().length;
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", e.getValue().shape(),
                    "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        // the format lets the header end in spaces; padding to 8 bytes keeps the tensors aligned
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, out -> {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            out.write(head.array());
            for (Tensor t : tensors.values()) {
                writeFloats(out, t.values());
            }
        });
    }

    private static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(values.length, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            buf.putFloat(values[i]);
            if (!buf.hasRemaining() || i == values.length - 1) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
    }

    /** Reads every float32 tensor of {@code file}; a malformed file or entry is an error naming it. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, file);
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > ch.size()) {
                throw new IOException(file + " is not a safetensors file: its first 8 bytes give a header of "
                        + headerLength + " bytes in a file of " + ch.size());
            }
            ByteBuffer head = ByteBuffer.allocate((int) headerLength);
            readFully(ch, head, file);
            Map<String, Object> header = parseHeader(file, new String(head.array(), StandardCharsets.UTF_8));
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 8 + headerLength, ch.size() - 8 - headerLength)
                    .order(ByteOrder.LITTLE_ENDIAN);
            return contents(file, header, data);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, Path file) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException(file + " ends inside its safetensors header");
            }
        }
    }

    private static Map<String, Object> parseHeader(Path file, String json) throws IOException {
        try {
            return JSON.readValue(json.strip(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new IOException(file + " is not a safetensors file: its header is not a JSON object (" + e.getMessage() + ")", e);
        }
    }

    private static Contents contents(Path file, Map<String, Object> header, ByteBuffer data) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> otherTypes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
                }
                continue;
            }
            Object dtype = e.getValue() instanceof Map<?, ?> m ? m.get("dtype") : null;
            if (dtype != null && !"F32".equals(dtype)) {
                otherTypes.put(e.getKey(), String.valueOf(dtype));
            } else {
                tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), data));
            }
        }
        return new Contents(metadata, tensors, otherTypes);
    }

    private static Tensor tensor(Path file, String name, Object entry, ByteBuffer data) throws IOException {
        String where = file + ", tensor '" + name + "'";
        if (!(entry instanceof Map<?, ?> m) || !(m.get("shape") instanceof List<?> shapeList)
                || !(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2) {
            throw new IOException(where + ": the header entry needs dtype, shape and data_offsets [begin, end]");
        }
        long[] shape = shapeList.stream().mapToLong(d -> ((Number) d).longValue()).toArray();
        long begin = ((Number) offsets.get(0)).longValue();
        long end = ((Number) offsets.get(1)).longValue();
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (begin < 0 || end > data.capacity() || end - begin != 4 * count) {
            throw new IOException(where + ": bytes [" + begin + ", " + end + ") do not hold a float32 tensor of shape "
                    + Arrays.toString(shape) + " in a data section of " + data.capacity() + " bytes");
        }
        float[] values = new float[(int) count];
        data.slice((int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Tensor(shape, values);
    }
}
