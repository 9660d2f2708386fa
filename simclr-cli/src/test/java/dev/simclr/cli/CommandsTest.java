package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.plugin.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @Test
    void initPrintsACompleteCommentedConfigThatValidates(@TempDir Path dir) throws IOException {
        CliRunner init = CliRunner.run("init");
        assertEquals(0, init.exitCode(), init.toString());
        for (String key : new String[] {"seed:", "backend:", "data:", "augment:", "model:", "loss:", "train:", "  epochs:", "evaluate:", "output:"}) {
            assertTrue(init.out().contains(key), "init shows " + key + ":\n" + init.out());
        }
        assertTrue(init.out().contains("# "), "keys are commented");
        Path cfg = dir.resolve("init.yaml");
        Files.writeString(cfg, init.out());
        CliRunner v = CliRunner.run("validate", cfg.toString());
        assertEquals(0, v.exitCode(), v.toString());
    }

    @Test
    void pluginsListsEveryKindWithParametersAndDefaults() {
        CliRunner r = CliRunner.run("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        for (ProviderKind k : ProviderKind.values()) {
            assertTrue(r.out().contains(k.label() + " ("), k.label() + " listed:\n" + r.out());
        }
        assertTrue(r.out().contains("temperature"), r.out());
        assertTrue(r.out().contains("default 0.5"), r.out());
    }

    @Test
    void doctorReportsJavaBackendsAndDatasets() {
        CliRunner r = CliRunner.run("doctor");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("java:"), r.out());
        assertTrue(r.out().contains("pytorch"), r.out());
        assertTrue(r.out().contains("can train"), r.out());
        assertTrue(r.out().contains("fashion-mnist"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRunner.run("run", "--no-such-option").exitCode());
        assertEquals(2, CliRunner.run("validate").exitCode());
    }

    @Test
    void invalidYamlIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("broken.yaml");
        Files.writeString(cfg, "seed: 1\ntrain: {epochs: 2\n");
        CliRunner r = CliRunner.run("validate", cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not valid YAML (line"), r.toString());
    }

    @Test
    void missingConfigFileIsReported() {
        CliRunner r = CliRunner.run("validate", "no-such-file.yaml");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("config file not found: no-such-file.yaml"), r.toString());
    }

    @Test
    void augmentWritesAGridOfViewsAndKeepsAnExistingFile(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("grid.png");
        CliRunner r = CliRunner.run("augment", "--n", "3", "--out", png.toString(), "--data", "fashion-mnist", "--data-opt", "split=test");
        assertEquals(0, r.exitCode(), r.toString());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() > 0 && img.getHeight() > 0, "a readable PNG");
        CliRunner again = CliRunner.run("augment", "--n", "3", "--out", png.toString());
        assertEquals(2, again.exitCode(), again.toString());
        assertTrue(again.err().contains("exists"), again.toString());
    }
}
