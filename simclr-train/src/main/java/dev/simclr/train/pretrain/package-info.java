/**
 * The pre-training loop: the SimCLR network (encoder + projection head), steps, metrics, and the
 * guards of a run (divergence stop, cooperative stop at a step boundary).
 */
package dev.simclr.train.pretrain;
