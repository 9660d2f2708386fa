package dev.simclr.train.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.EngineArrays;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Progress;
import dev.simclr.augment.pipeline.Transforms;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a frozen encoder (batch norm in inference mode, no gradients) over images prepared with
 * the evaluation transform, in batches.
 */
public final class FeatureExtractor {

    static final int BATCH = 256;

    private final Backend backend;
    private final NDManager manager;
    private final List<Augmentation> evalTransform;

    /**
     * @param backend runs the forward pass ({@link Backend#infer}: the engine's own ops)
     * @param manager where batches are created (the backend's engine)
     */
    public FeatureExtractor(Backend backend, NDManager manager, List<Augmentation> evalTransform) {
        this.backend = backend;
        this.manager = manager;
        this.evalTransform = evalTransform;
    }

    /** Shape of a dataset's images after the evaluation transform. */
    public ImageShape inputShape(ImageDataset data) {
        return Components.shapeAfter(evalTransform, data.shape());
    }

    /** Evaluation-transformed pixels of images {@code from..to-1}, CHW per image, concatenated. */
    public float[] pixels(ImageDataset data, int from, int to) {
        ImageShape in = data.shape();
        ImageShape out = inputShape(data);
        float[] buf = new float[(to - from) * out.size()];
        IntStream.range(from, to).parallel().forEach(i -> {
            byte[] px = new byte[in.size()];
            data.copyPixels(i, px, 0);
            FloatImage img = Transforms.apply(evalTransform, FloatImage.fromBytes(in, px, 0), null);
            System.arraycopy(img.data(), 0, buf, (i - from) * out.size(), out.size());
        });
        return buf;
    }

    /** Encoder features of every image of the dataset: {@code size x featureSize} floats. */
    public float[] encode(Block encoder, int featureSize, ImageDataset data, Progress progress) {
        int n = data.size();
        ImageShape shape = inputShape(data);
        float[] out = new float[n * featureSize];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            float[] f = encode(encoder, pixels(data, from, to), to - from, shape);
            System.arraycopy(f, 0, out, from * featureSize, f.length);
            progress.update(to, null);
        }
        return out;
    }

    /** Encoder features of {@code count} prepared images. */
    public float[] encode(Block encoder, float[] pixels, int count, ImageShape shape) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = EngineArrays.of(sm, pixels, new Shape(count, shape.channels(), shape.height(), shape.width()));
            NDList y = backend.infer(encoder, new NDList(x));
            return y.singletonOrThrow().toFloatArray();
        }
    }

    /** Features of images given as float images (already transformed). */
    public float[] encode(Block encoder, List<FloatImage> images) {
        if (images.isEmpty()) {
            return new float[0];
        }
        ImageShape shape = images.get(0).shape();
        float[] buf = new float[images.size() * shape.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).data(), 0, buf, i * shape.size(), shape.size());
        }
        return encode(encoder, buf, images.size(), shape);
    }
}
