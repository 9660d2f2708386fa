package dev.simclr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void labelIsAHitWhenFewerThanKClassesScoreHigher() {
        float[] scores = {0.1f, 0.5f, 0.3f, 0.9f};
        assertTrue(TopK.hit(scores, 0, 4, 3, 1));
        assertFalse(TopK.hit(scores, 0, 4, 1, 1));
        assertTrue(TopK.hit(scores, 0, 4, 1, 2));
        assertFalse(TopK.hit(scores, 0, 4, 0, 3));
    }

    @Test
    void tiesGoToTheLowerClassIndex() {
        float[] equal = {1f, 1f, 1f};
        assertTrue(TopK.hit(equal, 0, 3, 0, 1));
        assertFalse(TopK.hit(equal, 0, 3, 2, 2));
    }

    @Test
    void accuracyIsTheFractionOfRowsHit() {
        float[] scores = {0.9f, 0.1f, 0.2f, 0.8f, 0.7f, 0.3f};
        assertEquals(2 / 3.0, TopK.accuracy(scores, new int[] {0, 1, 1}, 2, 1), 1e-12);
        assertEquals(1.0, TopK.accuracy(scores, new int[] {0, 1, 1}, 2, 5), 1e-12);
    }

    @Test
    void nanScoresNeverCountAsHits() {
        float[] diverged = {Float.NaN, Float.NaN, Float.NaN};
        assertFalse(TopK.hit(diverged, 0, 3, 0, 1));
        assertFalse(TopK.hit(new float[] {Float.NaN, 0.1f}, 0, 2, 1, 1));
    }
}
