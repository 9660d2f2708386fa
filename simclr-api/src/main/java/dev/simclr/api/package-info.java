/**
 * The SPI of simclr-java: one provider interface per extension point (augmentation, encoder,
 * projection head, loss, dataset, backend, evaluator), the value types they exchange, and
 * {@link dev.simclr.api.Param declared parameters}. Plugins compile against this module only.
 */
package dev.simclr.api;
