package dev.simclr.train.pretrain;

import dev.simclr.api.step.StepLoss;
import dev.simclr.train.checkpoint.TrainingState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run has counted and summed so far: the global step, the epoch's sums, every epoch's mean loss. */
final class RunTally {

    private final List<Double> epochLosses;
    private long step;
    private double firstLoss;
    private double lastLoss;
    private double epochLossSum;
    private Map<String, Double> epochMetricSums = new LinkedHashMap<>();
    private int epochSteps;

    RunTally(TrainingState state) {
        this.epochLosses = new ArrayList<>(state.epochLosses());
        this.step = state.globalStep();
        this.firstLoss = state.firstLoss();
        this.lastLoss = state.lastLoss();
    }

    long step() {
        return step;
    }

    int epochSteps() {
        return epochSteps;
    }

    /** Starts an epoch's sums afresh, or from {@code resumed} when the run continues inside it. */
    void startEpoch(TrainingState resumed) {
        epochLossSum = resumed != null ? resumed.epochLossSum() : 0;
        epochMetricSums = resumed != null ? new LinkedHashMap<>(resumed.epochMetricSums()) : new LinkedHashMap<>();
        epochSteps = resumed != null ? resumed.epochSteps() : 0;
    }

    /** Counts a finished step. */
    void add(StepLoss r) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = r.loss();
        }
        lastLoss = r.loss();
        epochLossSum += r.loss();
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            epochMetricSums.merge(e.getKey(), e.getValue(), Double::sum);
        }
        epochSteps++;
        step++;
    }

    /** Closes a full epoch: its mean loss joins the epoch losses; returns its metrics line. */
    EpochMetrics finishEpoch(int epoch, double seconds, int batch) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : epochMetricSums.entrySet()) {
            means.put(e.getKey(), e.getValue() / epochSteps);
        }
        epochLosses.add(epochLossSum / epochSteps);
        return new EpochMetrics(epoch, step, epochLossSum / epochSteps, means, seconds, (long) epochSteps * batch);
    }

    /** The position inside {@code epoch} before its step {@code stepInEpoch}. */
    TrainingState inEpoch(int epoch, long stepInEpoch) {
        return new TrainingState(epoch, stepInEpoch, step, epochLossSum, epochMetricSums, epochSteps, epochLosses, firstLoss, lastLoss);
    }

    /** The position after the full {@code epoch}. */
    TrainingState afterEpoch(int epoch) {
        return new TrainingState(epoch + 1, 0, step, 0.0, Map.of(), 0, epochLosses, firstLoss, lastLoss);
    }

    PretrainResult result(long startStep, double seconds, double waitTotal, int batch, boolean stopped,
            dev.simclr.train.checkpoint.Checkpoint saved) {
        long done = step - startStep;
        return new PretrainResult(step, epochLosses, firstLoss, lastLoss, seconds, seconds > 0 ? done * (double) batch / seconds : 0.0,
                seconds > 0 ? waitTotal / seconds : 0.0, stopped, saved);
    }
}
