package dev.simclr.api;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A loss value and its metrics.
 *
 * @param loss scalar NDArray, attached to the graph
 * @param metrics named scalar metrics (e.g. {@code contrastive_top1}, {@code pos_sim},
 *     {@code neg_sim}), already computed as plain numbers
 */
public record LossResult(NDArray loss, Map<String, Double> metrics) {}
