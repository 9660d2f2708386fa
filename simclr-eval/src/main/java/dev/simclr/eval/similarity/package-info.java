/**
 * The similarity grid: a few test images, two augmented views of each, and the cosine similarity
 * of the trained encoder's features of the two views, drawn as one PNG.
 */
package dev.simclr.eval.similarity;
