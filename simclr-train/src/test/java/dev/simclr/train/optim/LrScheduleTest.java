package dev.simclr.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    private static final double EPS = 1e-12;

    @Test
    void linearScalingIsLrTimesBatchOver256() {
        assertEquals(4.8, LrSchedule.scaledLr(0.3, "linear", 4096), EPS);
        assertEquals(0.15, LrSchedule.scaledLr(0.3, "linear", 128), EPS);
    }

    @Test
    void sqrtScalingWithLr0075IsTheSquareRootRuleOfThePaper() {
        // App. B.1: 0.075 x sqrt(BatchSize)
        assertEquals(0.075 * 64, LrSchedule.scaledLr(0.075, "sqrt", 4096), EPS);
        assertEquals(0.075 * Math.sqrt(256), LrSchedule.scaledLr(0.075, "sqrt", 256), EPS);
    }

    @Test
    void noScalingKeepsTheLearningRate() {
        assertEquals(3e-4, LrSchedule.scaledLr(3e-4, "none", 512), EPS);
    }

    @Test
    void constantScheduleNeverChanges() {
        LrSchedule s = new LrSchedule(0.5, "constant", 10, 100, 10, new double[0], 0.1);
        assertEquals(0.5, s.at(0), EPS);
        assertEquals(0.5, s.at(99), EPS);
    }

    @Test
    void warmupCosineRisesLinearlyFromZeroThenFollowsHalfACosinePerStep() {
        LrSchedule s = new LrSchedule(1.0, "warmup-cosine", 10, 110, 10, new double[0], 0.1);
        assertEquals(0.0, s.at(0), EPS);
        assertEquals(0.5, s.at(5), EPS);
        assertEquals(0.9, s.at(9), EPS);
        assertEquals(1.0, s.at(10), EPS);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.25)), s.at(35), EPS);
        assertEquals(0.5, s.at(60), EPS);
        assertEquals(0.0, s.at(110), EPS);
        assertEquals(0.0, s.at(500), EPS);
    }

    @Test
    void warmupCosineWithoutWarmupStartsAtTheFullRate() {
        LrSchedule s = new LrSchedule(2.0, "warmup-cosine", 0, 100, 10, new double[0], 0.1);
        assertEquals(2.0, s.at(0), EPS);
        assertEquals(1.0, s.at(50), EPS);
    }

    @Test
    void stepDecayMultipliesAtEachListedEpoch() {
        LrSchedule s = new LrSchedule(1.0, "step", 0, 100, 10, new double[] {2, 4}, 0.1);
        assertEquals(1.0, s.at(19), EPS);
        assertEquals(0.1, s.at(20), EPS);
        assertEquals(0.1, s.at(39), EPS);
        assertEquals(0.01, s.at(40), 1e-15);
    }

    @Test
    void trackerUpdateKIsStepKMinusOne() {
        LrSchedule s = new LrSchedule(1.0, "warmup-cosine", 4, 8, 4, new double[0], 0.1);
        assertEquals(0.0f, s.getNewValue(1));
        assertEquals(0.25f, s.getNewValue(2));
    }
}
