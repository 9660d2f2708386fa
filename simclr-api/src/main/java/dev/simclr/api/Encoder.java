package dev.simclr.api;

import ai.djl.nn.Block;

/**
 * An encoder: a DJL block mapping images {@code [N, C, H, W]} to features {@code [N, featureSize]}
 * (the representation that evaluation uses).
 */
public record Encoder(Block block, int featureSize) {}
