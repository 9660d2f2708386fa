package dev.simclr.train.pretrain;

import dev.simclr.train.checkpoint.Checkpoint;
import java.util.List;

/**
 * Summary of a pre-training run (of this session, when it resumed from a checkpoint).
 *
 * @param steps global steps done, earlier sessions included
 * @param epochLosses mean loss per finished epoch, earlier sessions included
 * @param firstLoss loss of the run's first step
 * @param lastLoss loss of the last step
 * @param seconds wall time of this session
 * @param samplesPerSecond source images per second in this session
 * @param dataWaitFraction share of this session's time spent waiting for augmentation
 * @param stopped true when a stop request ended pre-training before its end
 * @param lastCheckpoint the newest checkpoint written, or null when none was
 */
public record PretrainResult(long steps, List<Double> epochLosses, double firstLoss, double lastLoss, double seconds,
        double samplesPerSecond, double dataWaitFraction, boolean stopped, Checkpoint lastCheckpoint) {}
