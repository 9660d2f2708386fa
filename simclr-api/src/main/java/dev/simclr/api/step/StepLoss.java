package dev.simclr.api.step;

import java.util.Map;

/**
 * What one training step reports.
 *
 * @param loss the contrastive loss of the batch, before the update
 * @param metrics the loss's statistics (e.g. {@code contrastive_top1}, {@code pos_sim})
 */
public record StepLoss(double loss, Map<String, Double> metrics) {}
