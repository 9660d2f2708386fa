/**
 * The weighted k-nearest-neighbour classifier on cosine similarity of frozen features: a probe
 * with nothing to fit, cheap enough to run on every baseline; k and the temperature are chosen
 * on a validation split of the training features ({@link dev.simclr.eval.select}). The same
 * neighbours, drawn: a few test images and their nearest training images under the trained
 * encoder and both baselines ({@code nearest-neighbours}).
 */
package dev.simclr.eval.knn;
