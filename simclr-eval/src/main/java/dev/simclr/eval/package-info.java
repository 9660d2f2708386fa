/**
 * Evaluators of a pre-trained encoder (providers of {@link dev.simclr.api.EvaluatorProvider}) and
 * what they share: result-row naming per feature source, the labelled train/test features of the
 * supervised probes, top-k scoring and seeded sampling; the choice of settings on a validation
 * split ({@code select}) and the intervals of accuracies and differences ({@code stats}). Each evaluator lives in its own
 * sub-package; files are written with {@link dev.simclr.api.io.AtomicFiles}.
 */
package dev.simclr.eval;
