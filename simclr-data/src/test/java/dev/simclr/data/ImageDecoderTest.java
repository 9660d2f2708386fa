package dev.simclr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @TempDir
    Path dir;

    @Test
    void colourJpegPixelsAreWhatGetRgbGives() throws IOException {
        byte[] jpeg = SyntheticImages.jpeg(3, 40, 5);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType(), "the JDK reader's colour photos take the raster path");
        ImageDecoder.Decoded d = ImageDecoder.decode(jpeg, "t.jpg", 3, 0);
        int n = 40 * 40;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                int rgb = image.getRGB(x, y);
                int i = y * 40 + x;
                assertEquals((rgb >> 16) & 0xff, d.chw()[i] & 0xff, "red at " + x + "," + y);
                assertEquals((rgb >> 8) & 0xff, d.chw()[n + i] & 0xff, "green at " + x + "," + y);
                assertEquals(rgb & 0xff, d.chw()[2 * n + i] & 0xff, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void bytesAndFileDecodeAlike() throws IOException {
        byte[] jpeg = SyntheticImages.jpeg(4, 24, 5);
        Path file = DataFiles.write(dir.resolve("a.jpg"), jpeg);
        org.junit.jupiter.api.Assertions.assertArrayEquals(ImageDecoder.decode(file, 3, 16).chw(),
                ImageDecoder.decode(jpeg, "a.jpg", 3, 16).chw());
    }
}
