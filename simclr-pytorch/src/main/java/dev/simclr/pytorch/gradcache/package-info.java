/**
 * Gradient caching (Gao et al. 2021, arXiv:2101.06983): exact gradients of a contrastive loss over
 * a large batch while only one pass of images holds an autograd graph at a time.
 */
package dev.simclr.pytorch.gradcache;
