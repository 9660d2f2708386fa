/**
 * Data-parallel pre-training in one process: a replica of the network's parameters per device
 * ({@link dev.simclr.pytorch.parallel.ReplicaParameters}), each device encoding its slice of both
 * views ({@link dev.simclr.pytorch.parallel.BatchSplit}), the loss over the global batch with the
 * two-pass backward of {@link dev.simclr.loss.GlobalBatch}, and one optimizer step on the reduced
 * gradient after which every replica is given the new weights
 * ({@link dev.simclr.pytorch.parallel.DataParallelStep}). See {@code docs/multi-device.md}.
 */
package dev.simclr.pytorch.parallel;
