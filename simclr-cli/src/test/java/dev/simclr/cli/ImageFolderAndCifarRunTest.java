package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data users bring: pre-training on a folder of images, probing on CIFAR-10 binary files, all made here. */
class ImageFolderAndCifarRunTest {

    static final int SIDE = 32;

    @Test
    void preTrainsOnAnImageFolderAndProbesOnCifarFiles(@TempDir Path dir) throws IOException {
        Random rnd = new Random(1);
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 64; i++) {
            ImageIO.write(image(i % 4, rnd), "png", photos.resolve(String.format("img-%03d.png", i)).toFile());
        }
        Path cifar = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            writeCifarBatch(cifar.resolve("data_batch_" + b + ".bin"), 16, rnd);
        }
        writeCifarBatch(cifar.resolve("test_batch.bin"), 60, rnd);

        Path cfg = dir.resolve("run.yaml");
        Files.writeString(cfg, """
                seed: 5
                backend: {name: pytorch, device: cpu, threads: 2}
                data:
                  train: {name: image-folder, path: "%s"}
                  probe-train: {name: cifar10, path: "%s", split: train}
                  test: {name: cifar10, path: "%s", split: test}
                augment:
                  - random-resized-crop: {size: 32, scale: [0.3, 1.0]}
                  - horizontal-flip
                  - normalize: {mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25]}
                model:
                  encoder: {name: resnet18, stem: cifar, width: 0.0625}
                  head: {name: mlp, hidden: 32, out: 16}
                train: {epochs: 2, batch-size: 16, log-every: 1}
                evaluate:
                  - linear-probe: {epochs: 30}
                """.formatted(photos, cifar, cifar));
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("image-folder"), r.out());

        ObjectMapper json = new ObjectMapper();
        long steps = Files.readAllLines(run.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"type\":\"step\"")).count();
        assertEquals(2 * (64 / 16), steps, "two epochs over the 64 folder images");
        JsonNode results = json.readTree(run.resolve("results.json").toFile());
        for (String row : List.of("linear-probe", "linear-probe@random-init", "linear-probe@raw-pixels")) {
            double top1 = results.path(row).path("top1").asDouble(-1);
            assertTrue(top1 >= 0 && top1 <= 1, row + ": " + results);
        }
        // the probe's raw-pixel baseline separates the generated CIFAR colours: the files were read right
        assertTrue(results.path("linear-probe@raw-pixels").path("top1").asDouble() > 0.9, results.toString());
    }

    /** A 32x32 RGB image: a class colour plus noise. */
    private static BufferedImage image(int cls, Random rnd) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int[] c = colour(cls, rnd);
                img.setRGB(x, y, (c[0] << 16) | (c[1] << 8) | c[2]);
            }
        }
        return img;
    }

    private static int[] colour(int cls, Random rnd) {
        int[] base = switch (cls % 4) {
            case 0 -> new int[] {200, 40, 40};
            case 1 -> new int[] {40, 200, 40};
            case 2 -> new int[] {40, 40, 200};
            default -> new int[] {200, 200, 40};
        };
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(255, base[i] + rnd.nextInt(41) - 20));
        }
        return out;
    }

    /** CIFAR-10 binary records: 1 label byte, then the R, G and B planes of 32x32 bytes each. */
    private static void writeCifarBatch(Path file, int records, Random rnd) throws IOException {
        byte[] out = new byte[records * (1 + 3 * SIDE * SIDE)];
        int p = 0;
        for (int r = 0; r < records; r++) {
            int cls = r % 4;
            out[p++] = (byte) cls;
            byte[][] planes = new byte[3][SIDE * SIDE];
            for (int i = 0; i < SIDE * SIDE; i++) {
                int[] c = colour(cls, rnd);
                for (int ch = 0; ch < 3; ch++) {
                    planes[ch][i] = (byte) c[ch];
                }
            }
            for (int ch = 0; ch < 3; ch++) {
                System.arraycopy(planes[ch], 0, out, p, SIDE * SIDE);
                p += SIDE * SIDE;
            }
        }
        Files.write(file, out);
    }
}
