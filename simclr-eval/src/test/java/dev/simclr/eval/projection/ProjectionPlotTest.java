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

class ProjectionPlotTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSizeAndReportsExplainedVariance() throws Exception {
        Features test = Synthetic.clusters(3, 50, 10, 3.0, 4, 5);
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover");
        ImageStore images = new ImageStore("test", new ImageShape(1, 2, 2), new byte[4 * 150], test.labels(), names);
        FakeContext ctx = new FakeContext(dir).features(test, test).data(DataSplit.TEST, images);
        ProjectionPlotProvider p = new ProjectionPlotProvider();
        Map<String, Object> row = p.create(TestParams.of(p, Map.of("width", 640, "height", 480, "max-points", 100)))
                .evaluate(ctx).get("projection-plot");
        BufferedImage png = ImageIO.read(dir.resolve("projection.png").toFile());
        assertEquals(640, png.getWidth());
        assertEquals(480, png.getHeight());
        assertEquals(100, row.get("points"));
        double pc1 = (double) row.get("explained_variance_pc1");
        double pc2 = (double) row.get("explained_variance_pc2");
        assertTrue(pc1 >= pc2 && pc2 > 0 && pc1 + pc2 <= 1.0 + 1e-9, row.toString());
        // three well-separated clusters span a plane: two components hold most of the variance
        assertTrue(pc1 + pc2 > 0.7, row.toString());
    }
}
