/**
 * Two-dimensional maps of the trained encoder's test features, coloured by class: principal
 * component analysis (covariance on the engine, a few leading eigenvectors by block power
 * iteration) and t-SNE (exact for small samples, Barnes-Hut beyond), with the trustworthiness of
 * the t-SNE map.
 */
package dev.simclr.eval.projection;
