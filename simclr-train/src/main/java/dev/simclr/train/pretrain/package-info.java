/** The pre-training loop: the SimCLR network (encoder + projection head), steps, metrics. */
package dev.simclr.train.pretrain;
