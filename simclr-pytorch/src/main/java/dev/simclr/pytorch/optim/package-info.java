/**
 * Optimizers (Adam, SGD, LARS) over NDArrays whose whole state a checkpoint can save and restore,
 * with torch.optim's semantics; the PyTorch training step updates the parameters with them.
 */
package dev.simclr.pytorch.optim;
