package dev.simclr.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
