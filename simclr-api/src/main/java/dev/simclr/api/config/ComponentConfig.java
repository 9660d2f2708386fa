package dev.simclr.api.config;

import dev.simclr.api.Params;

/**
 * A chosen provider with its validated parameters.
 *
 * @param name provider name
 * @param params validated parameters, defaults filled in
 */
public record ComponentConfig(String name, Params params) {}
