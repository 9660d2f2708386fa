package dev.simclr.train.config;

import ai.djl.training.tracker.ParameterTracker;
import dev.simclr.api.Params;
import dev.simclr.api.step.OptimizerSettings;
import dev.simclr.api.step.Precision;

/**
 * The {@code train:} section, typed: built once from the validated config, so no other code reads
 * a training key by name.
 *
 * @param epochs passes over the pre-training data
 * @param batchSize source images per step (B; each gives two views)
 * @param maxSteps stop after this many steps (0: no limit)
 * @param optimizer adam, sgd or lars
 * @param lr base learning rate, before {@code lrScaling}
 * @param lrScaling none, linear or sqrt
 * @param weightDecay L2 weight decay
 * @param momentum momentum of sgd and lars
 * @param nesterov Nesterov momentum for sgd and lars
 * @param trustCoefficient LARS trust coefficient
 * @param schedule constant, warmup-cosine or step
 * @param warmupEpochs warm-up length of warmup-cosine
 * @param decayEpochs epochs at which the step schedule decays
 * @param decayFactor multiplier of the step schedule
 * @param perViewBatchNorm batch-norm: per-view (true) or joint (false)
 * @param passSize images per encoder pass (0: as the batch norm implies)
 * @param gradientCache gradients by gradient caching
 * @param workers augmentation threads (0: number of cores)
 * @param logEvery steps between metrics.jsonl lines
 * @param checkpointEvery epochs between checkpoints (0: only at the end)
 * @param checkpointEverySteps steps between checkpoints inside an epoch (0: off)
 * @param keepCheckpoints recent checkpoints kept
 * @param knnEvery epochs between online kNN checks (0: off)
 * @param precision the arithmetic of the training forward pass (fp32 or bf16)
 */
public record TrainSettings(int epochs, int batchSize, long maxSteps, String optimizer, double lr, String lrScaling, double weightDecay,
        double momentum, boolean nesterov, double trustCoefficient, String schedule, double warmupEpochs, double[] decayEpochs,
        double decayFactor, boolean perViewBatchNorm, int passSize, boolean gradientCache, int workers, int logEvery, int checkpointEvery,
        int checkpointEverySteps, int keepCheckpoints, int knnEvery, Precision precision) {

    /** The settings of a validated {@code train:} section (every key present, defaults filled in). */
    public static TrainSettings of(Params t) {
        return new TrainSettings(t.getInt("epochs"), t.getInt("batch-size"), t.getInt("max-steps"), t.getString("optimizer"),
                t.getDouble("lr"), t.getString("lr-scaling"), t.getDouble("weight-decay"), t.getDouble("momentum"), t.getBool("nesterov"),
                t.getDouble("trust-coefficient"), t.getString("schedule"), t.getDouble("warmup-epochs"),
                t.has("decay-epochs") ? t.getDoubles("decay-epochs") : new double[0], t.getDouble("decay-factor"),
                "per-view".equals(t.getString("batch-norm")), t.getInt("pass-size"), t.getBool("gradient-cache"), t.getInt("workers"),
                t.getInt("log-every"), t.getInt("checkpoint-every"), t.getInt("checkpoint-every-steps"), t.getInt("keep-checkpoints"),
                t.getInt("knn-every"), Precision.fromKey(t.getString("precision")));
    }

    /** The same settings with another number of epochs. */
    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, maxSteps, optimizer, lr, lrScaling, weightDecay, momentum, nesterov, trustCoefficient,
                schedule, warmupEpochs, decayEpochs, decayFactor, perViewBatchNorm, passSize, gradientCache, workers, logEvery,
                checkpointEvery, checkpointEverySteps, keepCheckpoints, knnEvery, precision);
    }

    /**
     * Steps per epoch for a dataset of {@code n} images: full batches only (drop_last).
     *
     * @throws IllegalArgumentException when not even one batch fits
     */
    public long stepsPerEpoch(int n) {
        long perEpoch = n / batchSize;
        if (perEpoch == 0) {
            throw new IllegalArgumentException("train.batch-size " + batchSize + " is larger than the pre-training data (" + n
                    + " images); lower train.batch-size or use more data");
        }
        return perEpoch;
    }

    /** The step the run stops at: {@code max-steps}, or no limit. */
    public long stepLimit() {
        return maxSteps > 0 ? maxSteps : Long.MAX_VALUE;
    }

    /** Steps of the whole run with {@code perEpoch} steps per epoch. */
    public long totalSteps(long perEpoch) {
        return Math.min(perEpoch * epochs, stepLimit());
    }

    /** The optimizer these settings name, with {@code learningRate} as its schedule. */
    public OptimizerSettings optimizerSettings(ParameterTracker learningRate) {
        return new OptimizerSettings(optimizer, learningRate, weightDecay, momentum, nesterov, trustCoefficient);
    }
}
