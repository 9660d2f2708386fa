package dev.simclr.eval.probe;

/** A differentiable loss of the probe's flattened parameters. */
interface Objective {

    /**
     * @param theta parameters, {@code (dim + 1) x classes} row-major, the bias in the last row
     * @param gradient receives d loss / d theta, same layout
     * @return the loss
     */
    double evaluate(float[] theta, float[] gradient);
}
