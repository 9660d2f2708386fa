package dev.simclr.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive member by member (names up to 100 bytes), enough to make WebDataset
 * shards of generated images; {@link #finish} writes the two zero blocks that end an archive.
 */
public final class TarWriter {

    private static final int BLOCK = 512;

    private final OutputStream out;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Adds a regular file. */
    public void add(String name, byte[] content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("tar member name over 100 bytes: " + name);
        }
        byte[] h = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, content.length);
        octal(h, 136, 12, 0);
        h[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        octal(h, 148, 8, sum);
        out.write(h);
        out.write(content);
        out.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    }

    public void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    /** An octal number, zero-padded, in the field's first length-1 bytes and a NUL. */
    private static void octal(byte[] h, int from, int length, long value) {
        String s = Long.toOctalString(value);
        String padded = "0".repeat(length - 1 - s.length()) + s;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, from, length - 1);
        h[from + length - 1] = 0;
    }
}
