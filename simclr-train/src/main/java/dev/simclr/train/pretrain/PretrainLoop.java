package dev.simclr.train.pretrain;

import dev.simclr.api.Progress;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.augment.pipeline.TwoViewBatch;
import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.checkpoint.TrainingState;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.optim.LrSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One session of the engine-neutral pre-training loop: epochs in seeded order, one backend
 * training step per batch, the learning rate of each step, divergence guards, metrics, and
 * checkpoints (every {@code checkpoint-every} epochs, every {@code checkpoint-every-steps} steps,
 * at a stop and at the end).
 */
final class PretrainLoop {

    private final TrainingStep trainer;
    private final TrainSettings train;
    private final LrSchedule schedule;
    private final BatchFeed feed;
    private final CheckpointStore checkpoints;
    private final StopSignal stop;
    private final Pretrainer.StepListener log;
    private final long perEpoch;
    private final RunTally tally;
    private Checkpoint saved;
    private boolean stopped;
    private double waitTotal;

    PretrainLoop(TrainingStep trainer, TrainSettings train, LrSchedule schedule, BatchFeed feed, CheckpointStore checkpoints,
            StopSignal stop, Pretrainer.StepListener log, long perEpoch, TrainingState state, Checkpoint resumedFrom) {
        this.trainer = trainer;
        this.train = train;
        this.schedule = schedule;
        this.feed = feed;
        this.checkpoints = checkpoints;
        this.stop = stop;
        this.log = log;
        this.perEpoch = perEpoch;
        this.tally = new RunTally(state);
        this.saved = resumedFrom;
    }

    PretrainResult run(TrainingState state, Progress progress) throws InterruptedException {
        long startStep = tally.step();
        long startNanos = System.nanoTime();
        if (startStep > 0) {
            progress.update(startStep, "resumed at epoch " + (state.epoch() + 1) + ", step " + startStep);
        }
        for (int epoch = state.epoch(); epoch < train.epochs() && tally.step() < train.stepLimit() && !stopped; epoch++) {
            boolean resumedEpoch = epoch == state.epoch();
            tally.startEpoch(resumedEpoch ? state : null);
            long first = resumedEpoch ? state.stepInEpoch() : 0;
            if (first < perEpoch) {
                runEpoch(epoch, first, progress);
            }
        }
        // stopped between epochs: the prepared batch is not needed
        feed.dropCarried();
        trainer.publish();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return tally.result(startStep, seconds, waitTotal, train.batchSize(), stopped, saved);
    }

    private void runEpoch(int epoch, long first, Progress progress) throws InterruptedException {
        long epochStart = System.nanoTime();
        feed.startEpoch(epoch, first);
        long s = first;
        int everySteps = train.checkpointEverySteps();
        while (s < perEpoch && tally.step() < train.stepLimit()) {
            step(epoch, s, progress);
            s++;
            boolean midEpoch = s < perEpoch && tally.step() < train.stepLimit();
            if (midEpoch && (stop.requested() || (everySteps > 0 && tally.step() % everySteps == 0))) {
                saved = save(tally.inEpoch(epoch, s), epoch);
                if (stop.requested()) {
                    stopped = true;
                    break;
                }
            }
        }
        feed.endEpoch();
        if (!stopped) {
            endEpoch(epoch, s, (System.nanoTime() - epochStart) / 1e9);
        }
    }

    /** Runs step {@code s} of {@code epoch}; a loss that is not finite stops the run here. */
    private void step(int epoch, long s, Progress progress) throws InterruptedException {
        long t0 = System.nanoTime();
        long step = tally.step();
        TwoViewBatch views = feed.take(epoch, s, step);
        double wait = (System.nanoTime() - t0) / 1e9;
        waitTotal += wait;
        double lr = schedule.at(step);
        StepLoss r;
        try {
            r = trainer.train(views.data());
        } finally {
            views.release();
        }
        if (!Double.isFinite(r.loss())) {
            feed.cancel();
            throw Divergence.of("the loss became " + r.loss(), epoch, step, lr, saved);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int batch = train.batchSize();
        tally.add(r);
        log.onStep(new StepMetrics(epoch, step, r.loss(), lr, r.metrics(), seconds, wait, batch));
        progress.update(step + 1, String.format("epoch %d/%d loss %.4f %.1f img/s", epoch + 1, train.epochs(), r.loss(), batch / seconds));
    }

    /** The epoch line (full epochs only), and a checkpoint when one is due, it is the last, or a stop is asked for. */
    private void endEpoch(int epoch, long s, double seconds) throws InterruptedException {
        boolean epochDone = s == perEpoch;
        if (!epochDone) {
            feed.dropCarried();
        }
        // an epoch cut short by max-steps has no epoch line: its mean would not be an epoch's
        if (epochDone && tally.epochSteps() > 0) {
            trainer.publish(); // the kNN monitor among the listeners reads the network
            log.onEpoch(tally.finishEpoch(epoch, seconds, train.batchSize()));
        }
        long step = tally.step();
        int everyEpochs = train.checkpointEvery();
        int everySteps = train.checkpointEverySteps();
        boolean last = epoch + 1 >= train.epochs() || step >= train.stepLimit();
        boolean due = epochDone && ((everyEpochs > 0 && (epoch + 1) % everyEpochs == 0) || (everySteps > 0 && step % everySteps == 0));
        if (due || last || stop.requested()) {
            TrainingState position = epochDone ? tally.afterEpoch(epoch) : tally.inEpoch(epoch, s);
            if (saved == null || saved.globalStep() != step) {
                saved = save(position, epoch);
            }
            stopped = stop.requested();
        }
    }

    /** Writes a checkpoint when checkpoints are on; a run whose parameters are no longer finite stops here. */
    private Checkpoint save(TrainingState state, int epoch) {
        if (checkpoints == null) {
            return saved;
        }
        long step = state.globalStep();
        try {
            return checkpoints.save(trainer, state);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint into " + checkpoints.dir() + ": " + e.getMessage()
                    + "; check the free space and permissions of the run folder."
                    + (saved == null ? "" : " The last checkpoint, " + saved.displayName() + ", is intact: once the run folder"
                    + " has room, continue with: simclr run --resume " + checkpoints.dir().getParent()), e);
        } catch (CheckpointStore.NonFiniteParametersException e) {
            throw Divergence.of("the parameters became NaN or infinite (" + e.parameter() + ")", epoch, step - 1,
                    schedule.at(Math.max(0, step - 1)), saved);
        }
    }
}
