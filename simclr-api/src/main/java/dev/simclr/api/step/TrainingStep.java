package dev.simclr.api.step;

/**
 * One optimisation step of contrastive pre-training on one engine (paper, Algorithm 1, the body
 * of the loop): projections of both views, the loss over all of them, gradients, the optimizer's
 * update. Everything around it (epochs, data order, the learning-rate schedule, guards,
 * checkpoints, metrics) belongs to the engine-neutral loop, which makes the step with
 * {@link dev.simclr.api.Backend#trainingStep}.
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * Trains on one batch. When the loss is not finite the parameters are left as they were, so
     * the caller can stop on the last good state.
     *
     * @param views {@code [2B, C, H, W]} row-major floats: first views in rows {@code 0..B-1}, the
     *     second views of the same images after them; copied before this returns
     * @return the loss before the update, and its statistics
     */
    StepLoss train(float[] views);

    /**
     * The parameters and the optimizer's state as a checkpoint stores them. The arrays are valid
     * until the next {@link #train}; the network the step was made for holds the same parameter
     * values once this returns, as after {@link #publish}.
     */
    StepState state();

    /**
     * Makes the network the step was made for hold the trained parameter values, for whoever reads
     * it next (the kNN monitor between epochs, the evaluators after training). A step that trains
     * the network's own arrays has nothing to do; one that trains copies of them (in an engine's
     * own variables, on other devices) writes them back.
     */
    void publish();

    /**
     * Continues from a checkpoint: copies its parameters into the network and takes over its
     * optimizer state (the buffers become owned by the step). Names and shapes were checked
     * against {@link #state()} by the caller.
     */
    void restore(StepState state);

    /** Frees what the step keeps between steps; the network's parameters stay. */
    @Override
    default void close() {}
}
