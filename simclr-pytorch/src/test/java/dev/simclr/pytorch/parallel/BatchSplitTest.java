package dev.simclr.pytorch.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSplitTest {

    @Test
    void imagesAreSharedInConsecutiveRangesTheFirstDevicesTakingTheRemainder() {
        BatchSplit s = BatchSplit.of(7, 3, 1);
        assertArrayEquals(new int[] {0, 3, 5}, s.starts());
        assertArrayEquals(new int[] {3, 2, 2}, s.sizes());
    }

    @Test
    void eachDeviceGetsItsFirstViewsThenTheSameImagesSecondViews() {
        // 3 images, rows of 2 floats labelled view*10 + image; the row's second float is the first + 0.5
        float[] views = {10, 10.5f, 11, 11.5f, 12, 12.5f, 20, 20.5f, 21, 21.5f, 22, 22.5f};
        BatchSplit s = BatchSplit.of(3, 2, 1);
        assertArrayEquals(new float[] {10, 10.5f, 11, 11.5f, 20, 20.5f, 21, 21.5f}, s.viewsOf(views, 0, 2));
        assertArrayEquals(new float[] {12, 12.5f, 22, 22.5f}, s.viewsOf(views, 1, 2));
    }

    @Test
    void tooFewImagesForTheDevicesIsRefusedSayingWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchSplit.of(3, 4, 1));
        assertTrue(e.getMessage().contains("train.batch-size >= 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchSplit.of(4, 2, 1).viewsOf(new float[10], 0, 2));
    }
}
