package dev.simclr.api.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Writes files so that a crash never leaves a half-written one: a temporary sibling file, then an
 * atomic rename over the target. The temporary file gets the usual permissions (not the owner-only
 * ones of {@code Files.createTempFile}), so run folders stay readable to whoever may read them.
 */
public final class AtomicFiles {

    private static volatile BiFunction<Path, OutputStream, OutputStream> interceptor;

    private AtomicFiles() {}

    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary sibling and an atomic rename. When writing fails (a
     * full disk, say), the temporary file is removed, {@code target} is left as it was, and the error
     * names the file.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            BiFunction<Path, OutputStream, OutputStream> seam = interceptor;
            try (OutputStream out = new BufferedOutputStream(seam == null ? file : seam.apply(target, file), 1 << 16)) {
                writer.write(out);
            } catch (IOException e) {
                throw new IOException("could not write " + target + ": " + e.getMessage()
                        + (Files.exists(target) ? "; the earlier " + target.getFileName() + " is unchanged" : "; nothing was written")
                        + ". If the disk is full, free some space and try again.", e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Passes the stream of every file written from now on through {@code interceptor} (its target and
     * the temporary file's stream in, the stream to write to out); null removes it. This is the seam
     * for tests that make the disk fail as a full one does, which no test machine can be relied on to
     * provide.
     */
    public static void interceptWrites(BiFunction<Path, OutputStream, OutputStream> interceptor) {
        AtomicFiles.interceptor = interceptor;
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
