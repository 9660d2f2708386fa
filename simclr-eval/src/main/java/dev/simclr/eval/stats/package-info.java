/**
 * Uncertainty of test accuracies: Wilson score intervals for one accuracy and paired-bootstrap
 * intervals for the difference between two feature sets scored on the same test images.
 */
package dev.simclr.eval.stats;
