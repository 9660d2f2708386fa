package dev.simclr.train.run;

import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.Encoder;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.LossProvider;
import dev.simclr.api.ProjectionHead;
import dev.simclr.api.ProjectionHeadProvider;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.RunConfig;
import dev.simclr.augment.pipeline.Transforms;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.data.DatasetOpener;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Makes the run's parts from a validated config through the registry (never by class name). */
public final class Components {

    private final PluginRegistry registry;
    private RunConfig config;
    private final TrainSettings train;

    public Components(PluginRegistry registry, RunConfig config) {
        this.registry = registry;
        this.config = config;
        this.train = TrainSettings.of(config.train());
    }

    public RunConfig config() {
        return config;
    }

    /** The {@code train:} section, typed. */
    public TrainSettings train() {
        return train;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /**
     * Starts the backend. With {@code name: auto} the engine and device picked replace it in
     * {@link #config()}, so that the run folder's config records them.
     */
    public Backend backend() {
        return BackendChoice.start(registry, config.backend(), System.err, picked -> config = config.withBackend(picked));
    }

    /** Opens a configured dataset; a failure names the dataset's place in the config. */
    public ImageDataset dataset(ComponentConfig c) throws IOException {
        try {
            return DatasetOpener.open(registry, c, config.seed());
        } catch (IOException e) {
            String where = c.params().path();
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.startsWith(where)) {
                throw e;
            }
            throw new IOException(where + " (" + c.name() + "): " + msg, e);
        }
    }

    public List<Augmentation> augmentations() {
        List<Augmentation> ops = new ArrayList<>();
        for (ComponentConfig c : config.augment()) {
            ops.add(registry.get(AugmentationProvider.class, c.name()).create(c.params()));
        }
        return ops;
    }

    /** The evaluation forms of the augmentations, in order (operators without one are left out). */
    public static List<Augmentation> evaluationTransform(List<Augmentation> ops) {
        return Transforms.evaluationForms(ops);
    }

    /** Shape after applying the operators to images of {@code input} shape. */
    public static ImageShape shapeAfter(List<Augmentation> ops, ImageShape input) {
        return Transforms.outputShape(ops, input);
    }

    /** A fresh, uninitialised encoder + head for inputs of the given shape. */
    public SimClrNetwork network(ImageShape viewShape) {
        Encoder encoder = registry.get(EncoderProvider.class, config.encoder().name()).create(config.encoder().params(), viewShape);
        ProjectionHead head = registry.get(ProjectionHeadProvider.class, config.head().name()).create(config.head().params(), encoder.featureSize());
        return new SimClrNetwork(encoder, head);
    }

    public ContrastiveLoss loss() {
        return registry.get(LossProvider.class, config.loss().name()).create(config.loss().params());
    }
}
