package dev.simclr.data;

import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic {@code 0x00000803}
 * for an images file with count, rows, columns; {@code 0x00000801} for a labels file with count)
 * followed by unsigned bytes. Gzipped files are recognised by their magic bytes, whatever their
 * name. Everything the header promises must be there, and nothing more.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** The decoded images file: {@code count} images of rows x cols, row-major, one byte per pixel. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    public static Images readImages(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString());
        }
    }

    /** @param name where the bytes come from, for messages */
    public static Images readImages(InputStream raw, String name) throws IOException {
        try (DataInputStream in = new DataInputStream(decompressIfGzip(raw))) {
            header(in, name, IMAGES_MAGIC, "images");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(name + ": IDX images header declares " + count + " images of "
                        + rows + "x" + cols + "; expected a positive size");
            }
            long total = (long) count * rows * cols;
            if (total > Integer.MAX_VALUE - 16) {
                throw new DatasetException(name + ": IDX header declares " + count + " images of " + rows + "x" + cols
                        + " (" + total + " bytes), more than one dataset can hold; split the file");
            }
            byte[] pixels = body(in, name, (int) total, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (EOFException e) {
            throw truncatedHeader(name, e);
        } catch (ZipException e) {
            throw corruptGzip(name, e);
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** @param name where the bytes come from, for messages */
    public static int[] readLabels(InputStream raw, String name) throws IOException {
        try (DataInputStream in = new DataInputStream(decompressIfGzip(raw))) {
            header(in, name, LABELS_MAGIC, "labels");
            int count = in.readInt();
            if (count < 0) {
                throw new DatasetException(name + ": IDX labels header declares " + count + " labels; expected a count >= 0");
            }
            byte[] bytes = body(in, name, count, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        } catch (EOFException e) {
            throw truncatedHeader(name, e);
        } catch (ZipException e) {
            throw corruptGzip(name, e);
        }
    }

    /** The number of items (images or labels) an IDX file's header declares, reading only the header. */
    public static int count(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(decompressIfGzip(open(file)))) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC && magic != LABELS_MAGIC) {
                throw wrongMagic(file.toString(), magic, IMAGES_MAGIC, "IDX images or labels");
            }
            return in.readInt();
        } catch (EOFException e) {
            throw truncatedHeader(file.toString(), e);
        }
    }

    /**
     * An images file and its labels file as one store: the counts must agree and every label must
     * name one of {@code classNames} (when given).
     *
     * @param classNames the class names, or null to number the classes from the labels
     */
    public static ImageStore store(Images images, String imagesName, int[] labels, String labelsName,
            List<String> classNames, String description) throws DatasetException {
        if (labels.length != images.count()) {
            throw new DatasetException(labelsName + " holds " + labels.length + " labels but " + imagesName + " holds "
                    + images.count() + " images; expected one label per image (are the files from the same split?)");
        }
        if (classNames != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= classNames.size()) {
                    throw new DatasetException(labelsName + ": label " + labels[i] + " at index " + i + " is not a class; expected 0 to "
                            + (classNames.size() - 1));
                }
            }
        }
        return new ImageStore(description, new ImageShape(1, images.rows(), images.cols()), images.pixels(), labels, classNames);
    }

    /** A file's stream, with a message naming the file when it is missing. */
    static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
    }

    /** The stream itself, or its gunzipped content when it starts with the gzip magic bytes 1f 8b. */
    static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static void header(DataInputStream in, String name, int expected, String what) throws IOException {
        int magic = in.readInt();
        if (magic != expected) {
            throw wrongMagic(name, magic, expected, "an IDX " + what + " file");
        }
    }

    private static byte[] body(DataInputStream in, String name, int length, String what) throws IOException {
        byte[] out = new byte[length];
        int got = in.readNBytes(out, 0, length);
        if (got < length) {
            throw new DatasetException(name + ": file ends after " + got + " of " + length + " data bytes; its header declares "
                    + what + " (file truncated or incompletely downloaded?)");
        }
        if (in.read() != -1) {
            throw new DatasetException(name + ": more data than its header declares (" + what
                    + "); expected the file to end there (wrong or concatenated file?)");
        }
        return out;
    }

    private static DatasetException wrongMagic(String name, int magic, int expected, String what) {
        String hint = magic == LABELS_MAGIC ? " (that is a labels file)"
                : magic == IMAGES_MAGIC ? " (that is an images file)" : "";
        return new DatasetException(String.format("%s: magic number 0x%08x%s; expected 0x%08x, %s", name, magic, hint, expected, what));
    }

    private static DatasetException truncatedHeader(String name, EOFException e) {
        return new DatasetException(name + ": file ends inside its IDX header or gzip stream (file truncated?)", e);
    }

    private static DatasetException corruptGzip(String name, ZipException e) {
        return new DatasetException(name + ": corrupt gzip data (" + e.getMessage() + "); expected a gzipped IDX file", e);
    }
}
