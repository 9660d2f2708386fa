package dev.simclr.api.step;

import ai.djl.training.tracker.ParameterTracker;

/**
 * The optimizer a training step updates the parameters with.
 *
 * @param name adam, sgd or lars
 * @param learningRate the rate of each parameter's k-th update (1-based k), the loop's schedule
 * @param weightDecay L2 weight decay
 * @param momentum momentum of sgd and lars
 * @param nesterov Nesterov momentum for sgd and lars
 * @param trustCoefficient the LARS trust coefficient
 */
public record OptimizerSettings(String name, ParameterTracker learningRate, double weightDecay, double momentum, boolean nesterov,
        double trustCoefficient) {}
