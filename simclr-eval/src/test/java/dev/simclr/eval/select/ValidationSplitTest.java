package dev.simclr.eval.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Features;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** 3 classes of 50, 30 and 20 rows, interleaved. */
    private static int[] labels() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 50 ? 0 : i < 80 ? 1 : 2;
        }
        return labels;
    }

    @Test
    void holdsOutTheSameFractionOfEveryClass() {
        int[] labels = labels();
        ValidationSplit s = ValidationSplit.stratified(labels, 3, 0.2, 42);
        int[] perClass = new int[3];
        for (int i : s.validation()) {
            perClass[labels[i]]++;
        }
        assertArrayEquals(new int[] {10, 6, 4}, perClass);
    }

    @Test
    void thePartsAreDisjointAndCoverEveryRowInOrder() {
        ValidationSplit s = ValidationSplit.stratified(labels(), 3, 0.3, 1);
        int[] all = IntStream.concat(Arrays.stream(s.fit()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertTrue(isAscending(s.fit()) && isAscending(s.validation()));
    }

    @Test
    void theSeedFixesTheDraw() {
        int[] a = ValidationSplit.stratified(labels(), 3, 0.2, 7).validation();
        assertArrayEquals(a, ValidationSplit.stratified(labels(), 3, 0.2, 7).validation());
        assertFalse(Arrays.equals(a, ValidationSplit.stratified(labels(), 3, 0.2, 8).validation()));
    }

    @Test
    void aClassOfOneImageStaysInTheFitPartAndSmallClassesGiveOne() {
        int[] labels = {0, 1, 1, 2, 2, 2};
        ValidationSplit s = ValidationSplit.stratified(labels, 3, 0.1, 3);
        int[] perClass = new int[3];
        for (int i : s.validation()) {
            perClass[labels[i]]++;
        }
        assertArrayEquals(new int[] {0, 1, 1}, perClass);
    }

    @Test
    void noClassWithTwoImagesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.stratified(new int[] {0, 1, 2}, 3, 0.2, 1));
        assertTrue(e.getMessage().contains("no class has two training images"), e.getMessage());
    }

    @Test
    void partsCarryTheirRowsAndLabels() {
        float[] data = new float[12];
        for (int i = 0; i < 12; i++) {
            data[i] = i;
        }
        Features f = new Features(data, 6, 2, new int[] {0, 0, 0, 1, 1, 1}, 2);
        ValidationSplit s = ValidationSplit.stratified(f.labels(), 2, 0.34, 5);
        Features v = s.validationPart(f);
        assertEquals(2, v.count());
        for (int i = 0; i < v.count(); i++) {
            int row = s.validation()[i];
            assertEquals(f.labels()[row], v.labels()[i]);
            assertEquals(data[row * 2 + 1], v.data()[i * 2 + 1]);
        }
        assertEquals(4, s.fitPart(f).count());
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
