package dev.simclr.train.pretrain;

import dev.simclr.train.checkpoint.Checkpoint;

/** The message of a run that diverged, with what to do next. */
final class Divergence {

    private Divergence() {}

    static Pretrainer.DivergedException of(String what, int epoch, long step, double lr, Checkpoint lastGood) {
        String keep = lastGood == null
                ? "No checkpoint had been written yet; lower train.lr and start again."
                : "The last good checkpoint is kept: " + lastGood.displayName() + " (after " + lastGood.globalStep()
                        + " steps); lower train.lr and continue from it with --resume RUNDIR --set train.lr=..., or start again.";
        return new Pretrainer.DivergedException(what + " at epoch " + (epoch + 1) + ", step " + (step + 1) + " (lr " + lr + "). " + keep
                + " If it happens again, check the data and augmentations.", lastGood);
    }
}
