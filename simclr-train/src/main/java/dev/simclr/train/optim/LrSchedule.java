package dev.simclr.train.optim;

import ai.djl.training.tracker.Tracker;
import dev.simclr.train.config.TrainSettings;

/**
 * The learning rate per optimizer step, a pure function of the 0-based global step (so a resumed
 * run needs only its step to continue the schedule): constant; linear warm-up then cosine decay to
 * 0 (the paper, App. B.1: "linear warmup for the first 10 epochs, and decay the learning rate with
 * the cosine decay schedule without restarts"), as the reference's {@code WarmUpAndCosineDecay}
 * in {@code tf2/model.py}: {@code lr * step / warmup} during warm-up, then
 * {@code lr * (1 + cos(pi * (step - warmup) / (total - warmup))) / 2}; or step decay, multiplying
 * by {@code decay-factor} at each epoch of {@code decay-epochs}. The base rate is scaled first:
 * {@code linear} = lr x B/256, {@code sqrt} = lr x sqrt(B) (paper App. B.1, where lr 0.075 with
 * sqrt scaling gives 0.075 x sqrt(B)).
 *
 * @param baseLr learning rate after scaling
 * @param kind constant, warmup-cosine or step
 * @param warmupSteps linear warm-up length in steps
 * @param totalSteps steps of the whole run
 * @param stepsPerEpoch steps per epoch (for step decay)
 * @param decayEpochs epochs at which step decay applies
 * @param decayFactor multiplier per decay
 */
public record LrSchedule(double baseLr, String kind, long warmupSteps, long totalSteps, long stepsPerEpoch, double[] decayEpochs, double decayFactor)
        implements Tracker {

    /** The schedule the {@code train:} section asks for. */
    public static LrSchedule of(TrainSettings train, long stepsPerEpoch, long totalSteps) {
        double lr = scaledLr(train.lr(), train.lrScaling(), train.batchSize());
        long warmup = Math.round(train.warmupEpochs() * stepsPerEpoch);
        return new LrSchedule(lr, train.schedule(), warmup, totalSteps, stepsPerEpoch, train.decayEpochs(), train.decayFactor());
    }

    /** The base learning rate after a scaling rule (none, linear, sqrt) for a batch of B source images. */
    public static double scaledLr(double lr, String rule, int batch) {
        return switch (rule) {
            case "linear" -> lr * batch / 256.0;
            case "sqrt" -> lr * Math.sqrt(batch);
            default -> lr;
        };
    }

    /** Learning rate at a 0-based step. */
    public double at(long step) {
        return switch (kind) {
            case "warmup-cosine" -> {
                if (step < warmupSteps) {
                    // the reference starts at 0: its step counts updates done before this one
                    yield baseLr * step / warmupSteps;
                }
                long decaySteps = Math.max(1, totalSteps - warmupSteps);
                double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
                yield baseLr * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
            case "step" -> {
                double epoch = (double) step / Math.max(1, stepsPerEpoch);
                double lr = baseLr;
                for (double e : decayEpochs) {
                    if (epoch >= e) {
                        lr *= decayFactor;
                    }
                }
                yield lr;
            }
            default -> baseLr;
        };
    }

    /** DJL counts updates from 1 per parameter; step k (0-based) is update k + 1. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(Math.max(0, numUpdate - 1));
    }
}
