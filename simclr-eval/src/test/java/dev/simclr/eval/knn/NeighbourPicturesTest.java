package dev.simclr.eval.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.DataSplit;
import dev.simclr.api.FeatureSource;
import dev.simclr.api.Features;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.Synthetic;
import dev.simclr.eval.TestBackend;
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

class NeighbourPicturesTest {

    @TempDir
    Path dir;

    private static final int CLASSES = 3;

    private static ImageStore images(Features f) {
        ImageShape shape = new ImageShape(1, 6, 6);
        byte[] px = new byte[f.count() * shape.size()];
        new Random(f.count()).nextBytes(px);
        return new ImageStore("synthetic", shape, px, f.labels(), List.of("a", "b", "c"));
    }

    /** Trained features in well separated clusters, baselines in one blob: only the trained encoder finds same-class neighbours. */
    private FakeContext context() {
        Features trainTrained = Synthetic.clusters(CLASSES, 20, 8, 12.0, 1, 2);
        Features testTrained = Synthetic.clusters(CLASSES, 10, 8, 12.0, 1, 3);
        Features trainBlob = Synthetic.clusters(CLASSES, 20, 8, 0.0, 1, 4);
        Features testBlob = Synthetic.clusters(CLASSES, 10, 8, 0.0, 1, 5);
        return new FakeContext(dir)
                .data(DataSplit.TRAIN, images(trainTrained)).data(DataSplit.TEST, images(testTrained))
                .features(FeatureSource.TRAINED, trainTrained, testTrained)
                .features(FeatureSource.RANDOM_INIT, trainBlob, testBlob)
                .features(FeatureSource.RAW_PIXELS, trainBlob, testBlob);
    }

    private Map<String, Map<String, Object>> run(FakeContext ctx) throws Exception {
        NeighbourPicturesProvider p = new NeighbourPicturesProvider();
        return p.create(TestParams.of(p, Map.of("queries", 4, "k", 3, "cell-size", 16))).evaluate(ctx);
    }

    @Test
    void separatedClustersGiveSameClassNeighboursAndTheBaselinesDoNot() throws Exception {
        Map<String, Map<String, Object>> rows = run(context());
        assertEquals(1.0, (double) rows.get("nearest-neighbours").get("label_agreement"), 0.0);
        double random = (double) rows.get("nearest-neighbours@random-init").get("label_agreement");
        assertTrue(random < 0.9, "an unstructured blob does not sort neighbours by class: " + random);
        assertTrue(rows.containsKey("nearest-neighbours@raw-pixels"));
        assertEquals(30, rows.get("nearest-neighbours").get("test_images"), "the share is over every test image");
        assertEquals(3, rows.get("nearest-neighbours").get("k"));
    }

    @Test
    void pictureHasARowPerQueryFramesInTheirColoursAndRepeatsForOneSeed() throws Exception {
        FakeContext ctx = context();
        run(ctx);
        Path file = dir.resolve(NeighbourPictures.FILE);
        byte[] first = Files.readAllBytes(file);
        run(ctx);
        assertArrayEquals(first, Files.readAllBytes(file), "a seeded sample draws the same picture");
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img.getWidth() >= (1 + 3 * 3) * 16 && img.getHeight() >= 4 * 16, img.getWidth() + "x" + img.getHeight());
        int green = count(img, NeighbourPainter.RIGHT.getRGB());
        int red = count(img, NeighbourPainter.WRONG.getRGB());
        assertTrue(green > 0 && red > 0, "right and wrong neighbours are both marked: green " + green + ", red " + red);
    }

    @Test
    void neighboursAreTheMostSimilarBankRowsMostSimilarFirst() {
        Features bank = Synthetic.clusters(CLASSES, 10, 5, 3.0, 7, 8);
        int[] asked = {4, 17};
        float[] q = new float[2 * 5];
        System.arraycopy(bank.data(), 4 * 5, q, 0, 5);
        System.arraycopy(bank.data(), 17 * 5, q, 5, 5);
        Features queries = new Features(q, 2, 5, new int[] {bank.labels()[4], bank.labels()[17]}, CLASSES);
        Neighbours found;
        try (var m = new TestBackend().newManager()) {
            found = Neighbours.find(m, bank, queries, 4);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(asked[i], found.indices()[i * 4], "a bank row identical to the query comes first");
            assertEquals(1.0, found.similarity()[i * 4], 1e-5);
            for (int j = 0; j < 4; j++) {
                assertEquals(bank.labels()[found.indices()[i * 4 + j]], found.labels()[i * 4 + j]);
                if (j > 0) {
                    assertTrue(found.similarity()[i * 4 + j] <= found.similarity()[i * 4 + j - 1]);
                }
            }
        }
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }
}
