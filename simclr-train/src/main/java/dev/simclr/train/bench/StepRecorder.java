package dev.simclr.train.bench;

import dev.simclr.train.pretrain.EpochMetrics;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.StepMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the metrics of the steps after the warm-up, and reads the process counters when the
 * warm-up ends, so CPU time and page faults cover exactly the timed steps.
 */
final class StepRecorder implements Pretrainer.StepListener {

    private final int warmup;
    private final List<StepMetrics> timed = new ArrayList<>();
    private ProcessStats atStart;
    private long startNanos;

    StepRecorder(int warmup) {
        this.warmup = warmup;
        if (warmup == 0) {
            markStart();
        }
    }

    @Override
    public void onStep(StepMetrics step) {
        if (step.step() >= warmup) {
            timed.add(step);
        } else if (step.step() == warmup - 1) {
            markStart();
        }
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {}

    private void markStart() {
        atStart = ProcessStats.read();
        startNanos = System.nanoTime();
    }

    List<StepMetrics> timed() {
        return timed;
    }

    ProcessStats startStats() {
        return atStart;
    }

    long startNanos() {
        return startNanos;
    }
}
