/**
 * The per-step learning-rate schedules with the paper's scaling rules; the optimizers that follow
 * them belong to each engine's training step.
 */
package dev.simclr.train.optim;
