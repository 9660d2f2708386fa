/**
 * Contrastive losses: {@link dev.simclr.loss.NtXentLoss} (provider {@code nt-xent}, SimCLR eq. 1,
 * where the temperature is applied) with its cached {@link dev.simclr.loss.PairMasks}, and
 * {@link dev.simclr.loss.GlobalBatch}, which gathers per-device projections into one global batch
 * and back-propagates its loss to every device in two passes (a device copy keeps no gradient).
 *
 * <p>Several devices: only the projections are gathered. Batch-norm statistics in the encoder and
 * head stay per device (each device normalises over its own slice), so the loss is the single-device
 * loss over the global batch but the forward pass is not identical to a single-device pass unless
 * there is one device. See {@code docs/multi-device.md}.
 */
package dev.simclr.loss;
