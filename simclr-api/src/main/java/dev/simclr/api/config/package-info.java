/**
 * The resolved run configuration ({@link dev.simclr.api.config.RunConfig}: one validated
 * {@link dev.simclr.api.config.ComponentConfig} per provider named in YAML), the errors a run file
 * can have, and the validation of a provider's own parameters against its declarations, which
 * every provider and its tests share. The run file's sections and their validation belong to the
 * training module.
 */
package dev.simclr.api.config;
