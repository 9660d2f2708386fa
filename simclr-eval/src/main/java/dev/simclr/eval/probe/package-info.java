/**
 * The linear probe: multinomial logistic regression on frozen features, fitted with a closed-form
 * softmax cross-entropy gradient on plain NDArray operations (no autograd, so any DJL engine can
 * run it), by L-BFGS, momentum SGD or Adam, its weight decay (and learning rate) chosen on a
 * validation split of the training features before the refit ({@link dev.simclr.eval.select}).
 */
package dev.simclr.eval.probe;
