/**
 * Export of feature vectors for other tools: CSV and NumPy {@code .npy} writers
 * ({@link dev.simclr.eval.embed.EmbeddingWriter}, also used by the command line), and the
 * {@code embeddings} evaluator.
 */
package dev.simclr.eval.embed;
