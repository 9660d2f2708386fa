package dev.simclr.data;

import dev.simclr.api.io.AtomicFiles;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Generated photo-like JPEGs for benchmarks and tests: a colour gradient with a few shapes and
 * some pixel noise, so they compress and decode like photos rather than like flat colour or pure
 * noise. Image {@code i} depends only on the seed and {@code i}, so a folder can be made again.
 */
public final class SyntheticImages {

    private SyntheticImages() {}

    /** The JPEG bytes of image {@code index} (size x size RGB, ImageIO's default quality). */
    public static byte[] jpeg(int index, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color(r), size, size, color(r)));
        g.fillRect(0, 0, size, size);
        for (int s = 0; s < 6; s++) {
            g.setColor(color(r));
            int w = 1 + r.nextInt(Math.max(1, size / 2));
            int h = 1 + r.nextInt(Math.max(1, size / 2));
            int x = r.nextInt(size);
            int y = r.nextInt(size);
            if (r.nextBoolean()) {
                g.fillOval(x - w / 2, y - h / 2, w, h);
            } else {
                g.fillRect(x - w / 2, y - h / 2, w, h);
            }
        }
        g.dispose();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = img.getRGB(x, y);
                int n = r.nextInt(17) - 8;
                img.setRGB(x, y, (clamp((rgb >> 16 & 0xff) + n) << 16) | (clamp((rgb >> 8 & 0xff) + n) << 8) | clamp((rgb & 0xff) + n));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a generated JPEG", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code count} images into {@code classes} class folders ({@code class_00/000000.jpg},
     * ...; image i in class i mod classes), on all cores. Files already there are kept, so an
     * interrupted generation continues where it stopped.
     */
    public static void writeFolder(Path root, int count, int size, int classes, long seed) throws IOException {
        for (int c = 0; c < classes; c++) {
            Files.createDirectories(root.resolve(className(c)));
        }
        try {
            IntStream.range(0, count).parallel().forEach(i -> {
                Path file = root.resolve(className(i % classes)).resolve(String.format("%06d.jpg", i));
                if (!Files.exists(file)) {
                    try {
                        byte[] bytes = jpeg(i, size, seed);
                        AtomicFiles.write(file, out -> out.write(bytes));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes the same images as {@link #writeFolder} into WebDataset shards of {@code perShard}
     * samples ({@code shard-000000.tar}, ...; {@code 000123.jpg} with {@code 000123.cls} holding
     * its class).
     */
    public static void writeShards(Path dir, int count, int size, int classes, int perShard, long seed) throws IOException {
        Files.createDirectories(dir);
        for (int first = 0, shard = 0; first < count; first += perShard, shard++) {
            int from = first;
            AtomicFiles.write(dir.resolve(String.format("shard-%06d.tar", shard)), out -> {
                TarWriter tar = new TarWriter(out);
                for (int i = from; i < Math.min(count, from + perShard); i++) {
                    String key = String.format("%06d", i);
                    tar.add(key + ".jpg", jpeg(i, size, seed));
                    tar.add(key + ".cls", Integer.toString(i % classes).getBytes(StandardCharsets.US_ASCII));
                }
                tar.finish();
            });
        }
    }

    static String className(int c) {
        return String.format("class_%02d", c);
    }

    private static Color color(SplittableRandom r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** {@code SyntheticImages FOLDER COUNT [SIZE [CLASSES [SEED]]]}: writes a generated image folder. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticImages FOLDER COUNT [SIZE=256 [CLASSES=10 [SEED=1]]]");
            System.exit(2);
        }
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int classes = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        writeFolder(Path.of(args[0]), Integer.parseInt(args[1]), size, classes, seed);
    }
}
