package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.io.AtomicFiles;
import dev.simclr.api.io.FullDisk;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills while a checkpoint is written (through {@link AtomicFiles}' seam, as no test
 * machine can be relied on to have a small disk to fill): a clear error, the earlier checkpoints
 * intact, nothing half-written under a final name, and the run resumes once there is room.
 */
class DiskFullTest {

    private static final String THIRD_CHECKPOINT = "step-00000010.ckpt";

    @Test
    void aDiskThatFillsDuringACheckpointKeepsTheEarlierOnesAndTheRunResumes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("full");
        RunOrchestrator o = TinyRun.orchestrator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        AtomicFiles.interceptWrites((target, out) -> target.getFileName().toString().equals(THIRD_CHECKPOINT) ? new FullDisk(out, 4096) : out);
        UncheckedIOException e;
        try {
            e = assertThrows(UncheckedIOException.class, () -> o.run(TinyRun.config(o, List.of()), dir, false));
        } finally {
            AtomicFiles.interceptWrites(null);
        }
        assertTrue(e.getMessage().contains("could not write " + dir.resolve(RunFolder.CHECKPOINTS).resolve(THIRD_CHECKPOINT)
                + ": No space left on device; nothing was written."), e.getMessage());
        assertTrue(e.getMessage().endsWith("The last checkpoint, checkpoints/step-00000008.ckpt, is intact: once the run folder has room,"
                + " continue with: simclr run --resume " + dir), e.getMessage());

        CheckpointStore store = new CheckpointStore(dir.resolve(RunFolder.CHECKPOINTS), 2);
        assertEquals(List.of(5L, 8L), store.list().stream().map(Checkpoint::globalStep).toList());
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertEquals(8, store.latestIntact(new PrintStream(said, true, StandardCharsets.UTF_8)).orElseThrow().globalStep());
        assertEquals("", said.toString(StandardCharsets.UTF_8), "the earlier checkpoints are intact");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
        assertFalse(Files.exists(dir.resolve(RunFolder.ENCODER)));

        o.resume(dir, List.of());
        assertEquals(TinyRun.TOTAL_STEPS, TinyRun.stepLosses(dir).size());
        assertTrue(Files.isRegularFile(dir.resolve(RunFolder.ENCODER)));
    }
}
