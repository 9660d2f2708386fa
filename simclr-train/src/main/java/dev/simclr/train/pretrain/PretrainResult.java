package dev.simclr.train.pretrain;

import java.util.List;

/**
 * Summary of a pre-training run.
 *
 * @param steps optimizer steps done
 * @param epochLosses mean loss per epoch
 * @param firstLoss loss of the first step
 * @param lastLoss loss of the last step
 * @param seconds wall time
 * @param samplesPerSecond source images per second
 * @param dataWaitFraction share of the time spent waiting for augmentation
 */
public record PretrainResult(long steps, List<Double> epochLosses, double firstLoss, double lastLoss, double seconds,
        double samplesPerSecond, double dataWaitFraction) {}
