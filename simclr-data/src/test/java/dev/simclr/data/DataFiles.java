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

    /**
     * A tar archive of the given members (name, then content, alternately), each with a ustar
     * header; type 'L' or 'x' members are written as GNU long-name or pax headers when the name
     * starts with "L:" or "x:".
     */
    static byte[] tar(Object... members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int m = 0; m < members.length; m += 2) {
            String name = (String) members[m];
            byte[] content = (byte[]) members[m + 1];
            char type = '0';
            if (name.startsWith("L:") || name.startsWith("x:")) {
                type = name.charAt(0);
                name = name.substring(2);
            }
            byte[] h = new byte[512];
            byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
            byte[] size = String.format("%011o", content.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, h, 124, 11);
            h[156] = (byte) type;
            System.arraycopy("ustar".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, h, 257, 5);
            int sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += (i >= 148 && i < 156) ? 32 : (h[i] & 0xff);
            }
            byte[] check = String.format("%06o", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(check, 0, h, 148, 6);
            h[155] = ' ';
            out.writeBytes(h);
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }
}
