/**
 * A two-dimensional map of the trained encoder's test features: principal component analysis
 * (covariance on the engine, a few leading eigenvectors by block power iteration) and a scatter
 * plot coloured by class.
 */
package dev.simclr.eval.projection;
