/**
 * The training-step extension point of a backend: the engine-neutral pre-training loop asks a
 * backend that can train for a {@link dev.simclr.api.step.TrainingStep}, hands it batches of two
 * views, and saves and restores its state in one engine-neutral form.
 */
package dev.simclr.api.step;
