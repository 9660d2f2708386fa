package dev.simclr.api;

/** Extension point: projection heads ({@code model.head} in YAML). */
public interface ProjectionHeadProvider extends Provider {

    /** Makes an uninitialised head taking {@code featureSize} inputs. */
    ProjectionHead create(Params params, int featureSize);
}
