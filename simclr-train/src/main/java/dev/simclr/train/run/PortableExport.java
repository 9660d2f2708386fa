package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Backend;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.RunConfig;
import dev.simclr.models.portable.EncoderExport;
import dev.simclr.train.pretrain.SimClrNetwork;
import dev.simclr.train.config.Sections;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** A finished run's trained encoder written as safetensors, for use outside this project. */
final class PortableExport {

    private PortableExport() {}

    static Map<String, String> write(Components parts, RunFolder folder, Path file) throws IOException {
        RunConfig config = parts.config();
        TrainedModels.requireTrainedEncoder(folder);
        try (Backend backend = parts.backend(); NDManager manager = backend.newManager()) {
            // the data's shape fixes the input channels the encoder was initialised with
            var shape = parts.dataset(config.trainData()).shape();
            SimClrNetwork network = TrainedModels.load(parts, manager, shape, parts.augmentations(), folder);
            return EncoderExport.write(network.encoder(), describe(config.encoder()), file);
        }
    }

    /** After pre-training: the run folder's {@code encoder.safetensors}, when {@code output.export} asks for it. */
    static void afterTraining(RunConfig config, SimClrNetwork network, RunFolder folder, PrintStream out) throws IOException {
        if (config.output().has(Sections.EXPORT)) {
            Path file = folder.file(RunFolder.PORTABLE_ENCODER);
            EncoderExport.write(network.encoder(), describe(config.encoder()), file);
            out.println("exported:   " + file + " (torchvision names; docs/portable.md)");
        }
    }

    /** The run file's encoder as one line, e.g. {@code resnet18 {stem=cifar, width=1.0, zero-init-residual=false}}. */
    static String describe(ComponentConfig encoder) {
        return encoder.name() + " " + encoder.params().values();
    }
}
