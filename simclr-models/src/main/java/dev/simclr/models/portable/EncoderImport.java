package dev.simclr.models.portable;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets an initialised encoder's parameters from a safetensors file: an export of this project, or
 * weights saved from torchvision ({@code safetensors.torch.save_file(model.state_dict(), FILE)}).
 * Every tensor must match: all missing, extra and mis-shaped tensors are named in one error, and
 * nothing is changed unless all match. A torchvision {@code fc} classifier and batch norm's
 * {@code num_batches_tracked} are left out (the encoder has no classifier; DJL's batch norm keeps no
 * batch count, which torch uses only when its momentum is None).
 */
public final class EncoderImport {

    private EncoderImport() {}

    /** Loads {@code file} into {@code encoder}, which must be initialised; returns how many tensors were set. */
    public static int load(Block encoder, Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, Parameter> targets = targets(encoder);
        Map<String, Tensor> given = new LinkedHashMap<>(contents.tensors());
        given.keySet().removeIf(EncoderImport::notAnEncoderTensor);
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>(targets.keySet());
        missing.removeAll(given.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        Set<String> extra = new TreeSet<>(given.keySet());
        extra.removeAll(targets.keySet());
        contents.otherTypes().forEach((name, dtype) -> {
            if (!notAnEncoderTensor(name)) {
                extra.add(name + " (" + dtype + ", only F32 is read)");
            }
        });
        if (!extra.isEmpty()) {
            problems.add("not in the encoder " + extra);
        }
        for (Map.Entry<String, Parameter> t : targets.entrySet()) {
            Tensor g = given.get(t.getKey());
            long[] want = t.getValue().getArray().getShape().getShape();
            if (g != null && !Arrays.equals(want, g.shape())) {
                problems.add(t.getKey() + " is " + g.shapeText() + " in the file but " + Arrays.toString(want) + " in the encoder");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " does not fit the encoder ("
                    + (TorchvisionNames.of(encoder).isPresent() ? "torchvision names" : "DJL names") + "): "
                    + String.join("; ", problems));
        }
        targets.forEach((name, p) -> set(p.getArray(), given.get(name)));
        return targets.size();
    }

    /** The encoder's parameters by the names an export gives them. */
    private static Map<String, Parameter> targets(Block encoder) {
        return TorchvisionNames.of(encoder).map(TorchvisionNames.Layout::parameters).orElseGet(() -> {
            Map<String, Parameter> djl = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : encoder.getParameters()) {
                djl.put(p.getKey(), p.getValue());
            }
            return djl;
        });
    }

    private static boolean notAnEncoderTensor(String name) {
        return name.startsWith("fc.") || name.endsWith(".num_batches_tracked");
    }

    private static void set(NDArray target, Tensor values) {
        target.set(FloatBuffer.wrap(values.values()));
    }
}
