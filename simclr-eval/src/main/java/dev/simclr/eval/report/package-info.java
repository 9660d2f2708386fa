/**
 * The run report: one self-contained HTML page (resolved configuration, training curves from
 * {@code metrics.jsonl}, the results table, and the run's pictures inlined as data URIs).
 */
package dev.simclr.eval.report;
