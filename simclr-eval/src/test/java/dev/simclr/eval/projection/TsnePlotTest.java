package dev.simclr.eval.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.DataSplit;
import dev.simclr.api.Features;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.Synthetic;
import dev.simclr.eval.TestParams;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsnePlotTest {

    @TempDir
    Path dir;

    @Test
    void mapsWideFeaturesThroughPcaAndReportsATrustworthyMap() throws Exception {
        Features test = Synthetic.clusters(3, 40, 64, 2.0, 4, 5); // wider than the 50 principal components t-SNE starts from
        ImageStore images = new ImageStore("test", new ImageShape(1, 2, 2), new byte[4 * 120], test.labels(), List.of("a", "b", "c"));
        FakeContext ctx = new FakeContext(dir).features(test, test).data(DataSplit.TEST, images);
        TsnePlotProvider p = new TsnePlotProvider();
        Map<String, Object> row = p.create(TestParams.of(p, Map.of("width", 640, "height", 480, "max-points", 100, "iterations", 400)))
                .evaluate(ctx).get("tsne-map");
        BufferedImage png = ImageIO.read(dir.resolve(TsnePlot.FILE).toFile());
        assertEquals(640, png.getWidth());
        assertEquals(480, png.getHeight());
        assertEquals(100, row.get("points"), "a seeded sample of max-points");
        assertEquals("exact", row.get("method"));
        assertTrue((double) row.get("trustworthiness") > 0.9, row.toString());
        assertEquals(TsnePlot.TRUST_K, row.get("trustworthiness_k"));
    }
}
