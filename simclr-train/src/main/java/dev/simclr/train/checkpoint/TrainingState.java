package dev.simclr.train.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands between two steps, and what it has summed so far in the current epoch.
 * Nothing else is needed to continue a run exactly: the learning rate is a function of
 * {@code globalStep}, the data order a function of (seed, epoch), each view's augmentation draws a
 * function of (seed, epoch, image index, view), and no operation of the pre-training step draws
 * from the engine's generator (no dropout); the engine's seed only matters for initialisation,
 * which a resumed run replaces with the checkpoint's parameters.
 *
 * @param epoch 0-based epoch the next step belongs to
 * @param stepInEpoch 0-based index of the next step within {@code epoch}
 * @param globalStep steps done so far (the next step's 0-based index)
 * @param epochLossSum sum of the losses of this epoch's steps done so far
 * @param epochMetricSums sums of the loss metrics of this epoch's steps done so far
 * @param epochSteps steps of this epoch done so far
 * @param epochLosses mean loss of every finished epoch
 * @param firstLoss loss of the run's first step (NaN before it)
 * @param lastLoss loss of the latest step (NaN before the first)
 */
public record TrainingState(int epoch, long stepInEpoch, long globalStep, double epochLossSum, Map<String, Double> epochMetricSums,
        int epochSteps, List<Double> epochLosses, double firstLoss, double lastLoss) {

    public TrainingState {
        epochMetricSums = new LinkedHashMap<>(epochMetricSums);
        epochLosses = List.copyOf(epochLosses);
    }

    /** The state before the first step of a run. */
    public static TrainingState start() {
        return new TrainingState(0, 0, 0, 0.0, Map.of(), 0, List.of(), Double.NaN, Double.NaN);
    }
}
