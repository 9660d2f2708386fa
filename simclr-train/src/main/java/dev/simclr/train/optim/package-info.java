/** Optimizers (Adam, SGD, LARS) and learning-rate schedules with the paper's scaling rules. */
package dev.simclr.train.optim;
