/**
 * Evaluators of a pre-trained encoder (providers of {@link dev.simclr.api.EvaluatorProvider}) and
 * what they share: result-row naming per feature source, top-k scoring, and atomic file writes.
 * Each evaluator lives in its own sub-package.
 */
package dev.simclr.eval;
