/** Throughput measurement of the SimCLR augmentation pipeline ({@code simclr bench augment}). */
package dev.simclr.augment.bench;
