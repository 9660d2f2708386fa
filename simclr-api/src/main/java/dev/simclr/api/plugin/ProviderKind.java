package dev.simclr.api.plugin;

import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.LossProvider;
import dev.simclr.api.ProjectionHeadProvider;
import dev.simclr.api.Provider;

/** The extension points, with the interface each provider implements. */
public enum ProviderKind {
    AUGMENTATION("augmentation", AugmentationProvider.class),
    ENCODER("encoder", EncoderProvider.class),
    PROJECTION_HEAD("projection head", ProjectionHeadProvider.class),
    LOSS("loss", LossProvider.class),
    DATASET("dataset", DatasetProvider.class),
    BACKEND("backend", BackendProvider.class),
    EVALUATOR("evaluator", EvaluatorProvider.class);

    private final String label;
    private final Class<? extends Provider> type;

    ProviderKind(String label, Class<? extends Provider> type) {
        this.label = label;
        this.type = type;
    }

    public String label() {
        return label;
    }

    public Class<? extends Provider> type() {
        return type;
    }

    public static ProviderKind of(Class<? extends Provider> type) {
        for (ProviderKind k : values()) {
            if (k.type == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("not an extension point: " + type.getName());
    }
}
