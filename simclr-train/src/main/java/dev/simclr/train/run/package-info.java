/**
 * The stage orchestrator: validates, prepares the run folder (or resumes one from its newest
 * checkpoint), pre-trains with checkpoints, curves, an optional online kNN monitor and a graceful
 * stop on Ctrl-C, and runs the evaluators found through the SPI with a shared
 * {@link dev.simclr.api.EvaluationContext}.
 */
package dev.simclr.train.run;
