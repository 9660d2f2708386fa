/**
 * Mixed-precision training on the PyTorch engine ({@code train.precision: bf16}): the network's
 * layers in bfloat16 through TorchScript modules written in memory, a whole stretch of layers per
 * module so that activations stay bfloat16 between them, from fp32 master weights.
 */
package dev.simclr.pytorch.precision;
