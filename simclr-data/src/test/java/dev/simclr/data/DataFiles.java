package dev.simclr.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small dataset files for tests, built byte by byte (independently of the readers' own writers). */
final class DataFiles {

    private DataFiles() {}

    /** Bytes of an IDX images file: magic 0x803, count, rows, cols, then {@code pixels}. */
    static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    /** Bytes of an IDX labels file: magic 0x801, count, then one byte per label. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A CIFAR record: label bytes, then 3072 pixel bytes where pixel (c, y, x) = c*100 + y + x + offset. */
    static byte[] cifarRecord(int offset, int... labels) {
        byte[] r = new byte[labels.length + 3072];
        for (int i = 0; i < labels.length; i++) {
            r[i] = (byte) labels[i];
        }
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    r[labels.length + c * 1024 + y * 32 + x] = (byte) (c * 100 + y + x + offset);
                }
            }
        }
        return r;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
