package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path tmp;

    @Test
    void anExistingNonEmptyFolderIsRefusedWithTheWaysOut() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("metrics.jsonl"), "{}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunFolder.choose(dir, "runs", null, false));
        assertTrue(e.getMessage().contains("--resume") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals("{}\n", Files.readString(dir.resolve("metrics.jsonl")), "nothing was touched");
    }

    @Test
    void aRunIntoAnExistingFolderFailsBeforeWritingAnything() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        RunOrchestrator o = TinyRun.orchestrator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> o.run(TinyRun.config(o, List.of()), dir, false));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("keep.txt")), files.toList());
        }
    }

    @Test
    void forceEmptiesAnEarlierRunFolderFirst() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("config.yaml"), "seed: 1\n");
        Files.createDirectories(dir.resolve("checkpoints"));
        Files.writeString(dir.resolve("checkpoints/step-00000010.ckpt"), "old");
        assertEquals(dir, RunFolder.choose(dir, "runs", null, true));
        RunFolder.create(dir, true);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing of the earlier run is left, checkpoints included");
        }
    }

    @Test
    void forceNeverClearsAFolderThatIsNotARun() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunFolder.choose(dir, "runs", null, true));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> RunFolder.create(dir, true));
        assertEquals("precious", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void anEmptyOrMissingFolderIsFine() {
        assertEquals(tmp.resolve("new"), RunFolder.choose(tmp.resolve("new"), "runs", null, false));
        assertEquals(tmp, RunFolder.choose(tmp, "runs", null, false));
    }

    @Test
    void onlyAFolderWithAConfigIsARunFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.existing(tmp));
        assertTrue(e.getMessage().contains("config.yaml"), e.getMessage());
    }
}
