/**
 * The run file: YAML reading and {@code --set} overrides, the built-in sections and their
 * defaults, validation of a whole run file against every declared parameter (errors name their
 * YAML path), and the typed {@code train:} settings.
 */
package dev.simclr.train.config;
