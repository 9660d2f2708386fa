package dev.simclr.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeaturesTest {

    private final Features three = new Features(new float[] {0, 1, 10, 11, 20, 21}, 3, 2, new int[] {7, 8, 9}, 10);

    @Test
    void rowsKeepTheirOrderValuesAndLabels() {
        Features picked = three.rows(new int[] {2, 0});
        assertEquals(2, picked.count());
        assertEquals(2, picked.dim());
        assertArrayEquals(new float[] {20, 21, 0, 1}, picked.data());
        assertArrayEquals(new int[] {9, 7}, picked.labels());
        assertEquals(10, picked.numClasses());
    }

    @Test
    void aRowOutsideTheFeaturesIsRefused() {
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> three.rows(new int[] {3}));
    }
}
