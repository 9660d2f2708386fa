/**
 * The stage orchestrator: validates, prepares the run folder, pre-trains, and runs the evaluators
 * found through the SPI with a shared {@link dev.simclr.api.EvaluationContext}.
 */
package dev.simclr.train.run;
