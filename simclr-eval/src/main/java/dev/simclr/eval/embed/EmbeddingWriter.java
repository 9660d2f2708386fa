package dev.simclr.eval.embed;

import dev.simclr.api.Features;
import dev.simclr.api.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes feature vectors for other tools. Every file is written to a temporary sibling and renamed
 * into place.
 */
public final class EmbeddingWriter {

    private EmbeddingWriter() {}

    /**
     * Writes {@code features} in the format the file name asks for: {@code .csv} or {@code .npy}.
     *
     * @throws IllegalArgumentException for any other extension
     */
    public static void write(Path file, Features features) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            writeCsv(file, features);
        } else if (name.endsWith(".npy")) {
            writeNpy(file, features);
        } else {
            throw new IllegalArgumentException("cannot tell the embedding format of '" + file
                    + "': name the file *.csv (text, with labels) or *.npy (NumPy float32 [N, D])");
        }
    }

    /**
     * CSV with a header {@code index,label,f0,...,f(D-1)}, one row per image; floats in Java's
     * shortest round-trip form, label -1 for unlabelled images.
     */
    public static void writeCsv(Path file, Features features) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            int d = features.dim();
            StringBuilder line = new StringBuilder("index,label");
            for (int j = 0; j < d; j++) {
                line.append(",f").append(j);
            }
            w.write(line.append('\n').toString());
            float[] x = features.data();
            for (int i = 0; i < features.count(); i++) {
                line.setLength(0);
                line.append(i).append(',').append(features.labels()[i]);
                for (int j = 0; j < d; j++) {
                    line.append(',').append(x[i * d + j]);
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    /** NumPy {@code .npy}: a float32 array of shape {@code [N, D]}, little-endian, C order. */
    public static void writeNpy(Path file, Features features) throws IOException {
        AtomicFiles.write(file, out -> NpyFormat.writeFloat32(out, features.data(), features.count(), features.dim()));
    }

    /** NumPy {@code .npy} of the labels: int64, shape {@code [N]}, -1 for unlabelled images. */
    public static void writeLabelsNpy(Path file, Features features) throws IOException {
        AtomicFiles.write(file, out -> NpyFormat.writeInt64(out, features.labels()));
    }
}
