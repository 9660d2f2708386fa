/**
 * Charts of a run: a run's training log ({@code metrics.jsonl}) read once, its curves (loss,
 * learning rate, online kNN accuracy), JFreeChart to PNG, and a palette for classes; the training
 * stage and the evaluators draw with the same code, and the escaping of text placed in the HTML
 * pages that show them (the run report, the sweep comparison).
 */
package dev.simclr.charts;
