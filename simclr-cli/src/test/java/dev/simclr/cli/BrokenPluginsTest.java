package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.EncoderProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugins folder with one good jar (an augmentation and an encoder) and one broken file: the broken
 * one names itself (file, provider class, the cause's own message) and takes nothing else down.
 */
class BrokenPluginsTest {

    private static final String GOOD_AUGMENTATION = """
            package org.example.good;

            import dev.simclr.api.Augmentation;
            import dev.simclr.api.AugmentationProvider;
            import dev.simclr.api.Param;
            import dev.simclr.api.Params;
            import java.util.List;

            public final class KeepProvider implements AugmentationProvider {
                @Override public String name() { return "keep"; }
                @Override public String description() { return "leaves the image as it is"; }
                @Override public List<Param> parameters() { return List.of(); }
                @Override public Augmentation create(Params params) { return (image, rng) -> image; }
            }
            """;

    private static final String GOOD_ENCODER = """
            package org.example.good;

            import ai.djl.nn.Blocks;
            import dev.simclr.api.Encoder;
            import dev.simclr.api.EncoderProvider;
            import dev.simclr.api.ImageShape;
            import dev.simclr.api.Param;
            import dev.simclr.api.Params;
            import java.util.List;

            public final class FlatEncoderProvider implements EncoderProvider {
                @Override public String name() { return "flat"; }
                @Override public String description() { return "the pixels, flattened"; }
                @Override public List<Param> parameters() { return List.of(); }
                @Override public Encoder create(Params params, ImageShape input) {
                    return new Encoder(Blocks.batchFlattenBlock(), input.channels() * input.height() * input.width());
                }
            }
            """;

    /** An augmentation provider named {@code broken-aug}; {@code BODY} is replaced per case. */
    private static final String BROKEN = """
            package org.example.broken;

            import dev.simclr.api.Augmentation;
            import dev.simclr.api.AugmentationProvider;
            import dev.simclr.api.Param;
            import dev.simclr.api.Params;
            import java.util.List;

            public final class BrokenProvider implements AugmentationProvider {
                BODY
                @Override public String description() { return "broken on purpose"; }
                @Override public Augmentation create(Params params) { return (image, rng) -> image; }
            }
            """;

    private static final String CONFIG = """
            data:
              train: {name: fashion-mnist, split: train, limit: 16}
            augment:
              - AUGMENTATION: {}
            model:
              encoder: {name: flat}
            evaluate: []
            """;

    @TempDir
    Path dir;

    @Test
    void aConstructorThatThrowsNamesTheJarTheClassAndTheCause() throws IOException {
        Path plugins = pluginsWith(broken("""
                public BrokenProvider() { throw new IllegalStateException("licence file missing"); }
                @Override public String name() { return "broken-aug"; }
                @Override public List<Param> parameters() { return List.of(); }
                """).build(dir.resolve("broken.jar")));
        String failure = listedFailure(plugins, "broken.jar");
        assertTrue(failure.contains("org.example.broken.BrokenProvider") && failure.contains("licence file missing"), failure);

        CliRunner uses = validate(plugins, "broken-aug");
        assertEquals(Main.INVALID, uses.exitCode(), uses.toString());
        assertTrue(uses.err().contains("broken.jar") && uses.err().contains("licence file missing"), uses.toString());
    }

    @Test
    void aFileThatIsNotAJarIsNamedAndSkipped() throws IOException {
        Path plugins = pluginsWith(null);
        Files.writeString(plugins.resolve("notes.txt"), "how to install\n");
        Files.writeString(plugins.resolve("fake.jar"), "this is text, not a zip archive\n");
        String notes = listedFailure(plugins, "notes.txt");
        assertTrue(notes.contains("not a .jar file"), notes);
        String fake = listedFailure(plugins, "fake.jar");
        assertTrue(fake.contains("not a readable jar"), fake);
    }

    @Test
    void aJarBuiltForANewerJavaNamesTheClass() throws IOException {
        Path plugins = pluginsWith(broken("""
                @Override public String name() { return "broken-aug"; }
                @Override public List<Param> parameters() { return List.of(); }
                """).newerJava("org.example.broken.BrokenProvider").build(dir.resolve("newer.jar")));
        String failure = listedFailure(plugins, "newer.jar");
        assertTrue(failure.contains("UnsupportedClassVersionError") && failure.contains("org/example/broken/BrokenProvider"), failure);
    }

    @Test
    void aJarMissingAClassItNeedsNamesTheClassAndTheMissingOne() throws IOException {
        Path plugins = pluginsWith(broken("""
                private final LicenceCheck licence = new LicenceCheck();
                @Override public String name() { return "broken-aug"; }
                @Override public List<Param> parameters() { return List.of(); }
                """).source("org.example.broken.LicenceCheck", "package org.example.broken; class LicenceCheck {}")
                .omit("org.example.broken.LicenceCheck").build(dir.resolve("missing.jar")));
        String failure = listedFailure(plugins, "missing.jar");
        assertTrue(failure.contains("org.example.broken.BrokenProvider") && failure.contains("NoClassDefFoundError")
                && failure.contains("org/example/broken/LicenceCheck"), failure);
    }

    @Test
    void aProviderWhoseNameThrowsIsLeftOut() throws IOException {
        Path plugins = pluginsWith(broken("""
                @Override public String name() { throw new UnsupportedOperationException("no name yet"); }
                @Override public List<Param> parameters() { return List.of(); }
                """).build(dir.resolve("nameless.jar")));
        String failure = listedFailure(plugins, "nameless.jar");
        assertTrue(failure.contains("BrokenProvider failed in name()") && failure.contains("no name yet"), failure);
    }

    @Test
    void aProviderWhoseParametersThrowIsLeftOut() throws IOException {
        Path plugins = pluginsWith(broken("""
                @Override public String name() { return "broken-aug"; }
                @Override public List<Param> parameters() { throw new IllegalArgumentException("bad default"); }
                """).build(dir.resolve("params.jar")));
        String failure = listedFailure(plugins, "params.jar");
        assertTrue(failure.contains("BrokenProvider failed in parameters()") && failure.contains("bad default"), failure);

        CliRunner uses = validate(plugins, "broken-aug");
        assertEquals(Main.INVALID, uses.exitCode(), uses.toString());
        assertTrue(uses.err().contains("params.jar"), uses.toString());
    }

    /**
     * {@code simclr plugins} lists the good jar's providers and, in its own section, the broken file;
     * a run that does not use the broken file validates, with one warning line.
     *
     * @return the failure's detail line
     */
    private String listedFailure(Path plugins, String file) throws IOException {
        CliRunner listing = CliRunner.run("plugins", "--plugins", plugins.toString());
        assertEquals(Main.OK, listing.exitCode(), listing.toString());
        String out = listing.out();
        int section = out.indexOf("failed to load (");
        assertTrue(section > 0, listing.toString());
        assertTrue(out.substring(0, section).contains("  keep  - ") && out.substring(0, section).contains("  flat  - "), out);
        String[] after = out.substring(section).split("\n");
        String detail = null;
        for (int i = 1; i + 1 < after.length; i++) {
            if (after[i].trim().endsWith(file)) {
                detail = after[i + 1].trim();
            }
        }
        assertTrue(detail != null, "no failure listed for " + file + ":\n" + out);

        CliRunner good = validate(plugins, "keep");
        assertEquals(Main.OK, good.exitCode(), good.toString());
        assertEquals(1, good.err().lines().count(), good.toString());
        assertTrue(good.err().startsWith("warning: ") && good.err().contains(file), good.toString());
        assertFalse(good.err().contains("Exception"), good.toString());
        return detail;
    }

    private CliRunner validate(Path plugins, String augmentation) throws IOException {
        Path config = Files.writeString(dir.resolve("run.yaml"), CONFIG.replace("AUGMENTATION", augmentation));
        return CliRunner.run("validate", config.toString(), "--plugins", plugins.toString());
    }

    private PluginJarBuilder broken(String body) throws IOException {
        return new PluginJarBuilder(Files.createDirectories(dir.resolve("build-broken")))
                .source("org.example.broken.BrokenProvider", BROKEN.replace("BODY", body))
                .service(AugmentationProvider.class, "org.example.broken.BrokenProvider");
    }

    /** A plugins folder with the good jar (and {@code broken}, already built into place, when not null). */
    private Path pluginsWith(Path broken) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        new PluginJarBuilder(Files.createDirectories(dir.resolve("build-good")))
                .source("org.example.good.KeepProvider", GOOD_AUGMENTATION)
                .source("org.example.good.FlatEncoderProvider", GOOD_ENCODER)
                .service(AugmentationProvider.class, "org.example.good.KeepProvider")
                .service(EncoderProvider.class, "org.example.good.FlatEncoderProvider")
                .build(plugins.resolve("good.jar"));
        if (broken != null) {
            Files.move(broken, plugins.resolve(broken.getFileName()));
        }
        return plugins;
    }
}
