package dev.simclr.eval.embed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0 (NumPy Enhancement Proposal 1, and
 * {@code numpy.lib.format}): the magic {@code \x93NUMPY}, version bytes 1 0, a little-endian
 * uint16 header length, then an ASCII Python dict literal with {@code descr}, {@code fortran_order}
 * and {@code shape}, padded with spaces and ended by a newline so the data starts at a multiple of
 * 64 bytes, then the data in C order.
 */
final class NpyFormat {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK = 1 << 14;

    private NpyFormat() {}

    /** The full preamble (magic, version, length, dict) for a C-order array. */
    static byte[] header(String descr, long... shape) {
        String dims = shape.length == 1
                ? "(" + shape[0] + ",)"
                : "(" + Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long for format 1.0: shape " + dims);
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Writes a float32 array of the given shape ({@code <f4}). */
    static void writeFloat32(OutputStream out, float[] data, long... shape) throws IOException {
        out.write(header("<f4", shape));
        ByteBuffer b = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += CHUNK) {
            b.clear();
            int end = Math.min(data.length, start + CHUNK);
            for (int i = start; i < end; i++) {
                b.putFloat(data[i]);
            }
            out.write(b.array(), 0, b.position());
        }
    }

    /** Writes a one-dimensional int64 array ({@code <i8}). */
    static void writeInt64(OutputStream out, int[] data) throws IOException {
        out.write(header("<i8", data.length));
        ByteBuffer b = ByteBuffer.allocate(CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += CHUNK) {
            b.clear();
            int end = Math.min(data.length, start + CHUNK);
            for (int i = start; i < end; i++) {
                b.putLong(data[i]);
            }
            out.write(b.array(), 0, b.position());
        }
    }
}
