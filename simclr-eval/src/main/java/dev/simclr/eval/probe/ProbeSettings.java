package dev.simclr.eval.probe;

/**
 * How one linear probe is fitted.
 *
 * @param epochs passes over the training features (L-BFGS: iterations)
 * @param lr learning rate (L-BFGS: scale of the first trial step)
 * @param weightDecay L2 penalty on the weights (not the bias), {@code wd/2 * |W|^2} in the loss
 * @param momentum SGD momentum
 * @param batchSize rows per step; 0 means the whole training split (L-BFGS always uses it whole)
 * @param standardize whether features are centred and scaled per dimension with train statistics
 * @param optimizer the optimizer
 * @param seed seed of the mini-batch order (the run's seed)
 */
public record ProbeSettings(
        int epochs,
        double lr,
        double weightDecay,
        double momentum,
        int batchSize,
        boolean standardize,
        ProbeOptimizer optimizer,
        long seed) {

    /** These settings with another learning rate and weight decay (a point of the grid). */
    public ProbeSettings with(double newLr, double newWeightDecay) {
        return new ProbeSettings(epochs, newLr, newWeightDecay, momentum, batchSize, standardize, optimizer, seed);
    }

    /** These settings with the run's seed. */
    public ProbeSettings withSeed(long runSeed) {
        return new ProbeSettings(epochs, lr, weightDecay, momentum, batchSize, standardize, optimizer, runSeed);
    }
}
