package dev.simclr.api;

import java.util.List;

/** Small providers for registry and validation tests. */
public final class TestProviders {

    private TestProviders() {}

    public static class Flip implements AugmentationProvider {
        @Override
        public String name() {
            return "horizontal-flip";
        }

        @Override
        public String description() {
            return "flip";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.real("p", 0.5, 0.0, 1.0, "probability"));
        }

        @Override
        public Augmentation create(Params params) {
            return (img, rng) -> img;
        }
    }

    /** Another provider with the same name as {@link Flip}. */
    public static class OtherFlip extends Flip {}

    public static class Jitter implements AugmentationProvider {
        @Override
        public String name() {
            return "color-jitter";
        }

        @Override
        public String description() {
            return "jitter";
        }

        @Override
        public List<Param> parameters() {
            return List.of(
                    Param.real("brightness", 0.8, 0.0, null, "brightness"),
                    Param.real("hue", 0.2, 0.0, 0.5, "hue"),
                    Param.real("p", 0.8, 0.0, 1.0, "probability"));
        }

        @Override
        public Augmentation create(Params params) {
            return (img, rng) -> img;
        }
    }

    public static class Normalize implements AugmentationProvider {
        @Override
        public String name() {
            return "normalize";
        }

        @Override
        public String description() {
            return "normalize";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.reals("mean", List.of(0.5), null, null, 0, "mean"), Param.reals("std", List.of(0.5), 1e-6, null, 0, "std"));
        }

        @Override
        public Augmentation create(Params params) {
            return (img, rng) -> img;
        }
    }

    public static class Resnet implements EncoderProvider {
        @Override
        public String name() {
            return "resnet18";
        }

        @Override
        public String description() {
            return "resnet";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.choice("stem", "cifar", List.of("cifar", "imagenet"), "stem"), Param.real("width", 1.0, 0.01, 16.0, "width"));
        }

        @Override
        public Encoder create(Params params, ImageShape input) {
            throw new UnsupportedOperationException();
        }
    }

    public static class Mlp implements ProjectionHeadProvider {
        @Override
        public String name() {
            return "mlp";
        }

        @Override
        public String description() {
            return "mlp";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.integer("layers", 2, 1, 4, "layers"), Param.integer("out", 128, 1, null, "out"));
        }

        @Override
        public ProjectionHead create(Params params, int featureSize) {
            throw new UnsupportedOperationException();
        }
    }

    public static class NtXent implements LossProvider {
        @Override
        public String name() {
            return "nt-xent";
        }

        @Override
        public String description() {
            return "loss";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.real("temperature", 0.5, 1e-4, 10.0, "temperature"));
        }

        @Override
        public ContrastiveLoss create(Params params) {
            throw new UnsupportedOperationException();
        }
    }

    public static class Pytorch implements BackendProvider {
        @Override
        public String name() {
            return "pytorch";
        }

        @Override
        public String description() {
            return "backend";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.string("device", "cpu", "device"));
        }

        @Override
        public java.util.Map<String, String> check(Params params) {
            return params.getString("device").matches("cpu|gpu") ? java.util.Map.of() : java.util.Map.of("device", "expected cpu or gpu");
        }

        @Override
        public Backend create(Params params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendStatus status() {
            return new BackendStatus("pytorch", false, null, List.of(), false, "test");
        }
    }

    public static class Idx implements DatasetProvider {
        @Override
        public String name() {
            return "idx";
        }

        @Override
        public String description() {
            return "idx";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.string("path", null, "folder").asRequired(), Param.choice("split", "train", List.of("train", "test"), "split"));
        }

        @Override
        public ImageDataset open(Params params) {
            throw new UnsupportedOperationException();
        }
    }

    public static class Probe implements EvaluatorProvider {
        @Override
        public String name() {
            return "linear-probe";
        }

        @Override
        public String description() {
            return "probe";
        }

        @Override
        public List<Param> parameters() {
            return List.of(Param.integer("epochs", 100, 1, null, "epochs"));
        }

        @Override
        public Evaluator create(Params params) {
            return ctx -> java.util.Map.of();
        }
    }

    /** One provider of each kind, as a complete registry for config tests. */
    public static List<Provider> all() {
        return List.of(new Flip(), new Jitter(), new Normalize(), new Resnet(), new Mlp(), new NtXent(), new Pytorch(), new Idx(), new Probe());
    }
}
