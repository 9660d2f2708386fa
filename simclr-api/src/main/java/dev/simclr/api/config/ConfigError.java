package dev.simclr.api.config;

/**
 * One problem in a configuration.
 *
 * @param path YAML path, e.g. {@code augment[2].color-jitter.brightness}
 * @param message what is wrong and what is allowed
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return (path == null || path.isEmpty() ? "(top level)" : path) + ": " + message;
    }
}
