/**
 * The run configuration: built-in section declarations, validation of a YAML tree against every
 * declared parameter (errors name their YAML path), and the resolved {@link
 * dev.simclr.api.config.RunConfig}.
 */
package dev.simclr.api.config;
