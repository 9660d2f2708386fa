/**
 * Checkpoints of a pre-training run: parameters (batch-norm running statistics included),
 * optimizer state, and the position in the run, each written atomically into the run folder's
 * {@code checkpoints/} so that a killed run can continue exactly where its last checkpoint left it.
 */
package dev.simclr.train.checkpoint;
