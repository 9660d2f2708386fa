package dev.simclr.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void halfOfAHundredMatchesTheClosedForm() {
        // p = 0.5, n = 100: centre 0.5, half-width z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
        double z = Wilson.Z95;
        double half = z / (1 + z * z / 100) * Math.sqrt(0.25 / 100 + z * z / 40_000);
        double[] ci = Wilson.interval95(50, 100);
        assertEquals(0.5 - half, ci[0], 1e-12);
        assertEquals(0.5 + half, ci[1], 1e-12);
        assertEquals(0.4038, ci[0], 1e-4); // the textbook value (Brown, Cai and DasGupta 2001)
    }

    @Test
    void noHitsStaysInsideZeroToOneWithUpperEndZSquaredOverNPlusZSquared() {
        double z2 = Wilson.Z95 * Wilson.Z95;
        double[] ci = Wilson.interval95(0, 40);
        assertEquals(0.0, ci[0], 1e-12);
        assertEquals(z2 / (40 + z2), ci[1], 1e-12);
        double[] all = Wilson.interval95(40, 40);
        assertEquals(1.0, all[1], 1e-12);
        assertEquals(1 - z2 / (40 + z2), all[0], 1e-12);
    }

    @Test
    void moreImagesGiveANarrowerIntervalAroundTheSameAccuracy() {
        double[] small = Wilson.interval95(80, 100);
        double[] large = Wilson.interval95(8000, 10_000);
        assertTrue(large[1] - large[0] < small[1] - small[0]);
        assertTrue(large[0] < 0.8 && 0.8 < large[1]);
    }

    @Test
    void noTestImagesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval95(0, 0));
    }
}
