/**
 * The linear probe: multinomial logistic regression on frozen features, fitted with a closed-form
 * softmax cross-entropy gradient on plain NDArray operations (no autograd, so any DJL engine can
 * run it), by momentum SGD, Adam or L-BFGS.
 */
package dev.simclr.eval.probe;
