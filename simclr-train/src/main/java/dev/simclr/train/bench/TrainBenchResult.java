package dev.simclr.train.bench;

import dev.simclr.train.pretrain.StepMetrics;
import java.util.Arrays;
import java.util.List;

/**
 * What the timed steps of a training benchmark measured.
 *
 * @param steps timed steps
 * @param samplesPerSecond source images per second (each gives two views), data wait included
 * @param medianStepSeconds median wall time of one step
 * @param minStepSeconds fastest step
 * @param maxStepSeconds slowest step
 * @param dataWaitFraction share of the step time spent waiting for augmented views
 * @param wallSeconds wall time from the end of the warm-up to the end of the last step
 * @param process CPU time and page faults over the timed steps, and the process's peak memory
 * @param firstLoss loss of the first timed step
 * @param lastLoss loss of the last timed step
 */
public record TrainBenchResult(int steps, double samplesPerSecond, double medianStepSeconds, double minStepSeconds,
        double maxStepSeconds, double dataWaitFraction, double wallSeconds, ProcessStats process, double firstLoss,
        double lastLoss) {

    static TrainBenchResult of(List<StepMetrics> timed, double wallSeconds, ProcessStats process) {
        if (timed.isEmpty()) {
            throw new IllegalStateException("the benchmark timed no step; ask for --steps of at least 1");
        }
        double[] seconds = timed.stream().mapToDouble(StepMetrics::seconds).sorted().toArray();
        double total = Arrays.stream(seconds).sum();
        double wait = timed.stream().mapToDouble(StepMetrics::dataWaitSeconds).sum();
        long samples = timed.stream().mapToLong(StepMetrics::samples).sum();
        return new TrainBenchResult(timed.size(), samples / total, median(seconds), seconds[0], seconds[seconds.length - 1],
                wait / total, wallSeconds, process, timed.get(0).loss(), timed.get(timed.size() - 1).loss());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** CPU seconds per wall second over the timed steps (2.0 = two cores busy throughout). */
    public double cpuPerWallSecond() {
        return (process.userSeconds() + process.systemSeconds()) / wallSeconds;
    }
}
