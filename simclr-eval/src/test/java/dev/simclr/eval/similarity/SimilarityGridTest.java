package dev.simclr.eval.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Augmentation;
import dev.simclr.api.DataSplit;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.TestParams;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityGridTest {

    @TempDir
    Path dir;

    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);

    private static ImageStore images(int n) {
        byte[] px = new byte[n * SHAPE.size()];
        new Random(1).nextBytes(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
        }
        return new ImageStore("test", SHAPE, px, labels, List.of("cat", "dog"));
    }

    /** Adds a random brightness offset: a stand-in for the training augmentations. */
    private static final Augmentation BRIGHTNESS = (img, rng) -> {
        float delta = (float) (rng.nextDouble() - 0.5);
        float[] d = img.data();
        for (int i = 0; i < img.shape().size(); i++) {
            d[i] += delta;
        }
        return img;
    };

    private Map<String, Object> run(FakeContext ctx) throws Exception {
        SimilarityGridProvider p = new SimilarityGridProvider();
        return p.create(TestParams.of(p, Map.of("images", 4, "cell-size", 32))).evaluate(ctx).get("similarity-grid");
    }

    @Test
    void identicalViewsOfAnImageHaveSimilarityOne() throws Exception {
        FakeContext ctx = new FakeContext(dir).data(DataSplit.TEST, images(10));
        Map<String, Object> row = run(ctx);
        assertEquals(1.0, (double) row.get("mean_positive_similarity"), 1e-9);
        assertEquals(4, row.get("images"));
        assertTrue((double) row.get("mean_negative_similarity") < 1.0);
    }

    @Test
    void viewsComeFromTheAugmentationsAndTheGridRepeatsForOneSeed() throws Exception {
        FakeContext ctx = new FakeContext(dir).data(DataSplit.TEST, images(10)).augmentations(List.of(BRIGHTNESS));
        Map<String, Object> first = run(ctx);
        byte[] png = Files.readAllBytes(dir.resolve("similarity-grid.png"));
        Map<String, Object> second = run(ctx);
        assertEquals(first, second);
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("similarity-grid.png")));
        assertTrue((double) first.get("mean_positive_similarity") < 1.0, "augmented views differ: " + first);
        BufferedImage img = ImageIO.read(dir.resolve("similarity-grid.png").toFile());
        assertTrue(img.getWidth() >= 3 * 32 && img.getHeight() >= 4 * 32, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void displayUndoesTheConfiguredNormalize() {
        Map<String, Object> config = Map.of("augment", List.of(
                Map.of("random-resized-crop", Map.of("size", 32)),
                Map.of("normalize", Map.of("mean", List.of(0.5, 0.4, 0.3), "std", List.of(0.25, 0.2, 0.1)))));
        DisplayTransform t = DisplayTransform.fromConfig(config);
        assertEquals(0.5f, t.apply(0, 0f), 1e-6f);
        assertEquals(0.6f, t.apply(1, 1f), 1e-6f);
        assertEquals(1f, t.apply(2, 100f), 0f, "clamped to [0, 1]");
        assertEquals(0.7f, DisplayTransform.fromConfig(Map.of()).apply(0, 0.7f), 0f);
    }

    @Test
    void grayscaleImagesAreDrawnGray() {
        FloatImage g = new FloatImage(new ImageShape(1, 1, 1), new float[] {0.5f});
        int rgb = GridPainter.toRgb(g, DisplayTransform.identity()).getRGB(0, 0) & 0xFFFFFF;
        assertEquals(0x808080, rgb);
    }
}
