package dev.simclr.api;

import java.util.List;
import java.util.Map;

/**
 * Extension point: engine backends ({@code backend:} in YAML). Every backend takes the shared
 * settings of {@link BackendSettings#SHARED}; its own extra settings, if any, are written under
 * its name ({@code backend.<name>: {...}}) and reach it through {@link BackendSettings#engineOnly}.
 */
public interface BackendProvider extends Provider {

    /** The shared settings, the same for every backend. */
    @Override
    default List<Param> parameters() {
        return BackendSettings.SHARED;
    }

    /** Settings only this engine understands, written under {@code backend.<name>}; none by default. */
    default List<Param> engineParameters() {
        return List.of();
    }

    @Override
    default Map<String, String> check(Params params) {
        return BackendSettings.check(params);
    }

    /**
     * Starts the backend with validated parameters: the shared settings, and the engine-only
     * ones nested under the backend's name.
     *
     * @throws IllegalStateException with a message for people when the engine or the requested
     *     device is not available (listing what is)
     */
    Backend create(Params params);

    /** Probes the engine without failing, for {@code simclr doctor}. */
    BackendStatus status();
}
