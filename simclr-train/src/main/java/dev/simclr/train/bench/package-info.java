/**
 * Throughput benchmarks of the pre-training step: the real loop on generated images, with the
 * process's CPU time, page faults and peak memory measured around the timed steps.
 */
package dev.simclr.train.bench;
