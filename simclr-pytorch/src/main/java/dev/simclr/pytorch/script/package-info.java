/**
 * TorchScript modules written as source in memory and compiled by libtorch when DJL loads them
 * ({@link dev.simclr.pytorch.script.TorchScriptArchive}): how this backend runs what DJL's
 * NDArray cannot express (bf16 casts under autograd) or runs op by op (the optimizer's update).
 */
package dev.simclr.pytorch.script;
