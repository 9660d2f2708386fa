/**
 * Optimizers (Adam, SGD, LARS) as DJL optimizers whose state a checkpoint can save and restore,
 * and the per-step learning-rate schedules with the paper's scaling rules.
 */
package dev.simclr.train.optim;
