package dev.simclr.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.simclr.api.Features;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void usesTrainStatisticsAndAppendsTheBiasOne() {
        // feature 0: mean 2, std 1; feature 1 constant 5: centred only
        Features train = new Features(new float[] {1, 5, 3, 5}, 2, 2, new int[] {0, 1}, 2);
        Features test = new Features(new float[] {4, 7}, 1, 2, new int[] {0}, 2);
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new float[] {-1, 0, 1, 1, 0, 1}, s.withBias(train), 1e-6f);
        assertArrayEquals(new float[] {2, 2, 1}, s.withBias(test), 1e-6f);
    }

    @Test
    void probeInputsScaleBothSetsByTheFittedRowsAlone() {
        Features fit = new Features(new float[] {1, 5, 3, 5}, 2, 2, new int[] {0, 1}, 2);
        Features eval = new Features(new float[] {4, 7}, 1, 2, new int[] {0}, 2);
        ProbeInputs in = ProbeInputs.of(fit, eval, true);
        assertArrayEquals(new float[] {-1, 0, 1, 1, 0, 1}, in.fit(), 1e-6f);
        assertArrayEquals(new float[] {2, 2, 1}, in.eval(), 1e-6f);
        assertArrayEquals(new int[] {0, 1}, in.fitLabels());
        ProbeInputs raw = ProbeInputs.of(fit, eval, false);
        assertArrayEquals(new float[] {4, 7, 1}, raw.eval(), 0f);
    }
}
