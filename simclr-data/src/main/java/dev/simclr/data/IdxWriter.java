package dev.simclr.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes IDX images and labels files (gzipped or plain), the format {@link IdxReader} reads. */
public final class IdxWriter {

    private IdxWriter() {}

    /** Writes {@code count} images of rows x cols from {@code pixels} (row-major, one byte each). */
    public static void writeImages(Path file, int count, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " bytes are not " + count + " images of " + rows + "x" + cols);
        }
        try (DataOutputStream out = new DataOutputStream(stream(file, gzip))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    /** Writes labels, each in [0, 255]. */
    public static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(stream(file, gzip))) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                if (label < 0 || label > 255) {
                    throw new IllegalArgumentException("label " + label + " does not fit in one unsigned byte");
                }
                out.writeByte(label);
            }
        }
    }

    private static OutputStream stream(Path file, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (!gzip) {
            return out;
        }
        // Best compression: the built-in subset ships inside the jar, so its size matters.
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
    }
}
