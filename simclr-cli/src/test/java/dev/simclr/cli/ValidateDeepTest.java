package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simclr validate --deep} refuses what only the run's own start would have refused (a
 * setting the chosen engine's training step cannot take, data that is not there), naming it,
 * where plain {@code validate} passes the same file; and it writes nothing.
 */
class ValidateDeepTest {

    @Test
    void aRunnableFileIsReadyAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("tiny.yaml"), EndToEndRunTest.TINY);
        CliRunner r = CliRunner.run("validate", cfg.toString(), "--deep", "--set", "output.dir=" + dir.resolve("runs"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("ready to run") && r.out().contains("backend:    pytorch") && r.out().contains("data:       "), r.out());
        assertFalse(Files.exists(dir.resolve("runs")), "validate made no run folder");
    }

    @Test
    void aSettingTheTrainingStepRefusesFailsOnlyTheDeepCheck(@TempDir Path dir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("tiny.yaml"), EndToEndRunTest.TINY);
        String[] onTensorFlowInBf16 = {"--set", "backend.name=tensorflow", "--set", "train.precision=bf16"};
        CliRunner plain = CliRunner.run(concat(new String[] {"validate", cfg.toString()}, onTensorFlowInBf16));
        assertEquals(0, plain.exitCode(), plain.toString());
        CliRunner deep = CliRunner.run(concat(new String[] {"validate", cfg.toString(), "--deep"}, onTensorFlowInBf16));
        assertEquals(2, deep.exitCode(), deep.toString());
        assertTrue(deep.err().contains("would stop before it starts") && deep.err().contains("train.precision"), deep.toString());
    }

    @Test
    void missingDataFailsOnlyTheDeepCheckNamingThePath(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-cifar");
        String file = EndToEndRunTest.TINY.replace("train: {name: fashion-mnist, split: train, per-class: 24}",
                "train: {name: cifar10, path: " + missing + ", split: train}").replace("test: {name: fashion-mnist, split: test, per-class: 10}",
                "test: {name: cifar10, path: " + missing + ", split: test}");
        Path cfg = Files.writeString(dir.resolve("cifar.yaml"), file);
        assertEquals(0, CliRunner.run("validate", cfg.toString()).exitCode());
        CliRunner deep = CliRunner.run("validate", cfg.toString(), "--deep");
        assertEquals(2, deep.exitCode(), deep.toString());
        assertTrue(deep.err().contains(missing.toString()), deep.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
