package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.EncoderProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's encoder, compiled against the SPI only and shipped as a jar in a plugins folder,
 * is listed by {@code simclr plugins} and pre-trains by name from YAML: no fork, no recompile.
 */
class ThirdPartyEncoderPluginTest {

    /**
     * The plugin's source. Its own build would register it with AutoService; here the test writes the
     * service file that AutoService would generate.
     */
    private static final String PLUGIN_SOURCE = """
            package org.example.tiny;

            import ai.djl.ndarray.types.Shape;
            import ai.djl.nn.Activation;
            import ai.djl.nn.SequentialBlock;
            import ai.djl.nn.convolutional.Conv2d;
            import ai.djl.nn.pooling.Pool;
            import dev.simclr.api.Encoder;
            import dev.simclr.api.EncoderProvider;
            import dev.simclr.api.ImageShape;
            import dev.simclr.api.Param;
            import dev.simclr.api.Params;
            import java.util.List;

            public final class TinyConvEncoderProvider implements EncoderProvider {
                @Override public String name() { return "tiny-conv"; }
                @Override public String description() { return "one 3x3 convolution, ReLU and global average pooling"; }
                @Override public List<Param> parameters() {
                    return List.of(Param.integer("channels", 4, 1, 64, "convolution filters = feature size"));
                }
                @Override public Encoder create(Params params, ImageShape input) {
                    int channels = params.getInt("channels");
                    SequentialBlock block = new SequentialBlock()
                            .add(Conv2d.builder().setFilters(channels).setKernelShape(new Shape(3, 3))
                                    .optPadding(new Shape(1, 1)).build())
                            .add(Activation.reluBlock())
                            .add(Pool.globalAvgPool2dBlock());
                    return new Encoder(block, channels);
                }
            }
            """;

    private static final String RUN = """
            seed: 7
            backend: {name: pytorch, device: cpu}
            data:
              train: {name: fashion-mnist, split: train, limit: 32}
              test: {name: fashion-mnist, split: test, limit: 16}
            augment:
              - random-resized-crop: {size: 28, scale: [0.5, 1.0]}
              - horizontal-flip: {p: 0.5}
            model:
              encoder: {name: tiny-conv, channels: 6}
              head: {name: mlp, layers: 2, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train:
              epochs: 1
              batch-size: 8
              max-steps: 2
              log-every: 1
              workers: 1
            evaluate: []
            """;

    @TempDir
    Path dir;

    @Test
    void encoderFromAJarInThePluginsFolderIsListedAndPreTrainsByName() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildPluginJar(plugins.resolve("tiny-conv-encoder.jar"));

        Captured listing = run("plugins", "--plugins", plugins.toString());
        assertEquals(Main.OK, listing.code, listing.err);
        assertTrue(listing.out.contains("tiny-conv") && listing.out.contains("tiny-conv-encoder.jar"), listing.out);

        Path config = Files.writeString(dir.resolve("tiny.yaml"), RUN);
        Path runDir = dir.resolve("run");
        Captured run = run("run", config.toString(), "--plugins", plugins.toString(), "--out", runDir.toString());
        assertEquals(Main.OK, run.code, run.out + run.err);

        // steps count from 0: max-steps 2 logs steps 0 and 1 and stops
        List<String> metrics = Files.readAllLines(runDir.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll("\\s", "")).toList();
        assertTrue(metrics.stream().anyMatch(l -> l.contains("\"type\":\"step\"")), String.join("\n", metrics));
        assertTrue(metrics.stream().noneMatch(l -> l.contains("\"step\":2,")), String.join("\n", metrics));
        try (Stream<Path> files = Files.walk(runDir)) {
            assertTrue(files.anyMatch(p -> read(p).contains("tiny-conv")), "the resolved config names the plugin encoder");
        }
    }

    private record Captured(int code, String out, String err) {}

    private static Captured run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Compiles the plugin against the SPI and DJL's API only, and packs it with its service file. */
    private void buildPluginJar(Path jar) throws IOException {
        new PluginJarBuilder(Files.createDirectories(dir.resolve("build")))
                .source("org.example.tiny.TinyConvEncoderProvider", PLUGIN_SOURCE)
                .service(EncoderProvider.class, "org.example.tiny.TinyConvEncoderProvider")
                .build(jar);
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) && p.toString().endsWith(".yaml") ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
