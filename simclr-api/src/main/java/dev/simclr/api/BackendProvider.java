package dev.simclr.api;

/** Extension point: engine backends ({@code backend:} in YAML). */
public interface BackendProvider extends Provider {

    /**
     * Starts the backend with validated parameters.
     *
     * @throws IllegalStateException with a message for people when the engine or the requested
     *     device is not available (listing what is)
     */
    Backend create(Params params);

    /** Probes the engine without failing, for {@code simclr doctor}. */
    BackendStatus status();
}
