package dev.simclr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatImageTest {

    @Test
    void aBufferOfAnotherLengthThanTheShapeIsRefused() {
        ImageShape shape = new ImageShape(3, 27, 41);
        // a 27x41 image read as 32x32 (or the reverse) must be a size error, not a silent misreading
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> new FloatImage(new ImageShape(3, 32, 32), new float[shape.size() + 1]));
        assertTrue(longer.getMessage().contains("3x32x32") && longer.getMessage().contains("3072"), longer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FloatImage(shape, new float[shape.size() - 1]));
        assertEquals(shape, new FloatImage(shape, new float[shape.size()]).shape());
    }

    @Test
    void aScratchBufferMayBeLongerButNotShorter() {
        float[] scratch = new float[100];
        FloatImage img = FloatImage.inBuffer(new ImageShape(1, 4, 5), scratch);
        assertSame(scratch, img.data());
        assertEquals(20, img.copy().data().length);
        assertThrows(IllegalArgumentException.class, () -> FloatImage.inBuffer(new ImageShape(1, 11, 10), scratch));
    }
}
