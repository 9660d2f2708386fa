package dev.simclr.models.portable;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an initialised encoder's weights and batch-norm statistics as safetensors. A ResNet built
 * by this project is written under torchvision's names, so that
 * {@code torchvision.models.resnet18(); model.fc = Identity(); model.load_state_dict(load_file(FILE))}
 * takes it as it is; the metadata says what to change first when the stem or the input channels
 * differ from torchvision's ImageNet model. Any other encoder is written under its DJL parameter
 * names, with a note saying so.
 */
public final class EncoderExport {

    /** Metadata keys of an exported file. */
    public static final String NAMES = "simclr.names";
    public static final String ENCODER = "simclr.encoder";
    public static final String ARCHITECTURE = "torchvision.architecture";
    public static final String CHANGE_FIRST = "torchvision.change_first";
    public static final String NOTE = "simclr.note";

    /** torchvision's stem width at width multiplier 1 ({@code ResNet.inplanes = 64}). */
    private static final int TORCHVISION_STEM_CHANNELS = 64;

    private EncoderExport() {}

    /**
     * Writes {@code encoder}'s tensors to {@code file}, atomically, and returns the metadata written.
     *
     * @param description how the run file names the encoder, e.g. {@code resnet18 {stem=cifar, width=1.0}}
     */
    public static Map<String, String> write(Block encoder, String description, Path file) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put(ENCODER, description);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Optional<TorchvisionNames.Layout> layout = TorchvisionNames.of(encoder);
        if (layout.isPresent()) {
            metadata.put(NAMES, "torchvision");
            describe(layout.get(), metadata);
            layout.get().parameters().forEach((name, p) -> tensors.put(name, tensor(p)));
        } else {
            metadata.put(NAMES, "djl");
            metadata.put(NOTE, "not a ResNet of this project: tensors carry their DJL parameter names and load into the"
                    + " same block definition");
            for (Pair<String, Parameter> p : encoder.getParameters()) {
                tensors.put(p.getKey(), tensor(p.getValue()));
            }
        }
        SafeTensors.write(file, metadata, tensors);
        return metadata;
    }

    private static void describe(TorchvisionNames.Layout layout, Map<String, String> metadata) {
        metadata.put(ARCHITECTURE, layout.architecture());
        long inChannels = layout.parameters().get("conv1.weight").getArray().getShape().get(1);
        int c = layout.stemChannels();
        StringBuilder change = new StringBuilder();
        if (layout.cifarStem()) {
            // the SimCLR paper's CIFAR stem (appendix B.9): 3x3 stride-1 conv1 and no max-pool
            change.append("model.conv1 = torch.nn.Conv2d(").append(inChannels).append(", ").append(c)
                    .append(", kernel_size=3, stride=1, padding=1, bias=False); model.maxpool = torch.nn.Identity()");
        } else if (inChannels != 3) {
            change.append("model.conv1 = torch.nn.Conv2d(").append(inChannels).append(", ").append(c)
                    .append(", kernel_size=7, stride=2, padding=3, bias=False)");
        }
        if (change.length() > 0) {
            metadata.put(CHANGE_FIRST, change.toString());
        }
        if (c != TORCHVISION_STEM_CHANNELS) {
            metadata.put(NOTE, "width multiplier " + c + "/" + TORCHVISION_STEM_CHANNELS + ": torchvision.models."
                    + layout.architecture() + "() builds width 1 only, so its layers must be built with these widths");
        }
    }

    private static Tensor tensor(Parameter p) {
        return new Tensor(p.getArray().getShape().getShape(), p.getArray().toFloatArray());
    }
}
