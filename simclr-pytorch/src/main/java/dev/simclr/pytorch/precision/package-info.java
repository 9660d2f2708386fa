/**
 * Mixed-precision training on the PyTorch engine ({@code train.precision: bf16}): convolutions and
 * matrix products in bfloat16 through small TorchScript ops, from fp32 master weights.
 */
package dev.simclr.pytorch.precision;
