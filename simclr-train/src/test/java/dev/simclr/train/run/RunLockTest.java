package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.config.RunConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one run folder at once: the second is refused by the folder's lock, and nothing is interleaved. */
class RunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnAFolderInUseIsRefusedAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path dir = tmp.resolve("busy");
        Process child = ChildProcess.start(dir, "hold-at", 6);
        try {
            ChildProcess.waitForStep(child, dir, 6);
            byte[] metricsBefore = Files.readAllBytes(dir.resolve(RunFolder.METRICS));

            RunOrchestrator second = TinyRun.orchestrator(quiet());
            RunConfig config = TinyRun.config(second, List.of());
            IllegalStateException forced = assertThrows(IllegalStateException.class, () -> second.run(config, dir, true));
            assertTrue(forced.getMessage().contains("is in use by another run (pid " + child.pid()), forced.getMessage());
            IllegalStateException resumed = assertThrows(IllegalStateException.class, () -> second.resume(dir, List.of()));
            assertTrue(resumed.getMessage().contains("in use"), resumed.getMessage());

            assertArrayEquals(metricsBefore, Files.readAllBytes(dir.resolve(RunFolder.METRICS)), "the refused runs wrote nothing");
            assertTrue(Files.isRegularFile(dir.resolve(RunFolder.CONFIG)), "--force did not clear the folder in use");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (RunLock after = RunLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve(RunFolder.LOCK)).startsWith("pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void theLockIsHeldUntilClosedAndDoesNotMakeAFolderNonEmpty() throws Exception {
        Path dir = tmp.resolve("run");
        try (RunLock first = RunLock.acquire(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().startsWith("the run folder " + dir + " is in use by another run (pid "), e.getMessage());
            assertEquals(dir, RunFolder.choose(dir, "runs", null, false), "a folder holding only the lock is empty");
        }
        RunLock.acquire(dir).close();
        Files.writeString(dir.resolve(RunFolder.CONFIG), "seed: 1\n");
        RunFolder.create(dir, true);
        assertTrue(Files.exists(dir.resolve(RunFolder.LOCK)) && !Files.exists(dir.resolve(RunFolder.CONFIG)),
                "--force clears the earlier run but keeps the lock file");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
