package dev.simclr.augment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import dev.simclr.augment.SimclrPresetProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentationGridTest {

    @Test
    void writesAReadablePngWithOneRowPerImageAndThreeCells(@TempDir Path dir) throws Exception {
        ImageShape shape = new ImageShape(1, 28, 28);
        byte[] px = new byte[5 * shape.size()];
        new SplittableRandom(1).nextBytes(px);
        ImageStore data = new ImageStore("gray test images", shape, px, null, null);
        Path out = dir.resolve("sub").resolve("grid.png");
        AugmentationGrid.write(data, List.of(SimclrPresetProvider.build(32, 1, false, 0.5, new double[] {0.5}, new double[] {0.5})),
                3, 42, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertNotNull(img, "a PNG ImageIO can read");
        // cells of 32 px enlarged 3x (96), gaps of 4: 3 columns, 3 rows
        assertEquals(4 + 3 * (96 + 4), img.getWidth());
        assertEquals(4 + 3 * (96 + 4), img.getHeight());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
