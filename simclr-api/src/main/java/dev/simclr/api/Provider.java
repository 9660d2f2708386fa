package dev.simclr.api;

import java.util.List;
import java.util.Map;

/**
 * What every plugin has in common: a name used in YAML, a one-line description and its declared
 * parameters. Providers are factories: the object they make is created from validated
 * {@link Params} (see each extension point). Register implementations with
 * {@code @AutoService(TheProviderInterface.class)}.
 */
public interface Provider {

    /** The name used in YAML, kebab-case, unique per extension point. */
    String name();

    /** One line for {@code simclr plugins}. */
    String description();

    /** Declared parameters, in the order they are documented. */
    List<Param> parameters();

    /**
     * Checks beyond each parameter's own type and range (the form of a device name, two
     * parameters that must agree), run by validation on parameters that passed those.
     *
     * @return problems by parameter name (empty when none)
     */
    default Map<String, String> check(Params params) {
        return Map.of();
    }
}
