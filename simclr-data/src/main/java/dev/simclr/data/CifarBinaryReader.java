package dev.simclr.data;

import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary releases of CIFAR-10 and CIFAR-100 (Krizhevsky 2009): files of fixed-size
 * records, each some label bytes followed by 3072 pixel bytes of a 32x32 image as three planes
 * R, G, B, rows top to bottom. That is already CHW, so records are copied as they are.
 */
final class CifarBinaryReader {

    static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private CifarBinaryReader() {}

    /**
     * @param labelBytes label bytes at the start of each record (1 for CIFAR-10, 2 for CIFAR-100)
     * @param labelIndex which of them is the label to keep
     * @param classNames the classes; each label must be below their count
     */
    static ImageStore read(List<Path> files, int labelBytes, int labelIndex, List<String> classNames, String description)
            throws IOException {
        int record = labelBytes + SHAPE.size();
        long total = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "missing; expected a CIFAR binary batch file here");
            }
            long size = Files.size(file);
            if (size == 0 || size % record != 0) {
                throw new DatasetException(file + ": " + size + " bytes is not a whole number of " + record
                        + "-byte records (" + labelBytes + " label byte" + (labelBytes > 1 ? "s" : "") + " + 3072 pixel bytes)"
                        + "; the file is truncated or not a CIFAR binary batch");
            }
            total += size / record;
        }
        if (total * SHAPE.size() > Integer.MAX_VALUE - 16) {
            throw new DatasetException(description + ": " + total + " images are more than one dataset can hold");
        }
        int n = (int) total;
        byte[] pixels = new byte[n * SHAPE.size()];
        int[] labels = new int[n];
        int at = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int r = 0; r < bytes.length / record; r++, at++) {
                int offset = r * record;
                int label = bytes[offset + labelIndex] & 0xff;
                if (label >= classNames.size()) {
                    throw new DatasetException(file + ": record " + r + " has label " + label + "; expected 0 to "
                            + (classNames.size() - 1) + " (is this the right file for this dataset?)");
                }
                labels[at] = label;
                System.arraycopy(bytes, offset + labelBytes, pixels, at * SHAPE.size(), SHAPE.size());
            }
        }
        return new ImageStore(description, SHAPE, pixels, labels, classNames);
    }

    /**
     * Class names from a text file of one name per line (blank lines ignored), or
     * {@code fallback} when the file is absent. A file with another number of names is an error.
     */
    static List<String> classNames(Path file, List<String> fallback) throws IOException {
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != fallback.size()) {
            throw new DatasetException(file + ": " + names.size() + " class names; expected " + fallback.size() + ", one per line");
        }
        return List.copyOf(names);
    }

    /** {@code path} itself, or its sub-folder {@code releaseFolder} when the user named the parent. */
    static Path releaseFolder(Path path, String releaseFolder) throws NoSuchFileException {
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "not a folder; expected the " + releaseFolder + " folder");
        }
        Path inner = path.resolve(releaseFolder);
        return Files.isDirectory(inner) ? inner : path;
    }
}
