/** Measurement of the JPEG decoders javax.imageio finds ({@link dev.simclr.data.bench.DecoderBenchmark}). */
package dev.simclr.data.bench;
