package dev.simclr.api;

import ai.djl.nn.Block;

/** A projection head: a DJL block from encoder features to the contrastive space. */
public record ProjectionHead(Block block, int outputSize) {}
