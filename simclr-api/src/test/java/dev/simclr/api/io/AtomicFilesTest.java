package dev.simclr.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("results.json");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aDiskThatFillsMidWriteIsAClearErrorAndLeavesTheEarlierFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("encoder.params");
        AtomicFiles.writeString(f, "earlier");
        AtomicFiles.interceptWrites((target, out) -> new FullDisk(out, 1000));
        try {
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> out.write(new byte[1 << 20])));
            assertEquals("could not write " + f + ": No space left on device; the earlier encoder.params is unchanged."
                    + " If the disk is full, free some space and try again.", e.getMessage());
            IOException fresh = assertThrows(IOException.class, () -> AtomicFiles.writeString(dir.resolve("new.json"), "x".repeat(2000)));
            assertTrue(fresh.getMessage().contains("; nothing was written."), fresh.getMessage());
        } finally {
            AtomicFiles.interceptWrites(null);
        }
        assertEquals("earlier", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no temporary or half-written file");
        }
    }

    @Test
    void writtenFilesAreReadableByOthersUnderTheUsualUmask(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("report.html");
        AtomicFiles.writeString(f, "<html></html>");
        assertEquals("<html></html>", Files.readString(f));
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        boolean othersReadPlain = Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ);
        assertEquals(othersReadPlain, Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ),
                "same permissions as an ordinary new file");
        assertTrue(Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_READ));
    }
}
