/**
 * The weighted k-nearest-neighbour classifier on cosine similarity of frozen features: a probe
 * with nothing to fit, cheap enough to run on every baseline.
 */
package dev.simclr.eval.knn;
