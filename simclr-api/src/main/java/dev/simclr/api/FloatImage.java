package dev.simclr.api;

/**
 * A mutable float image in CHW order, values in [0, 1] before normalisation (torchvision's tensor
 * convention: {@code to_tensor} gives {@code uint8 / 255}). Augmentations may work in place on
 * {@link #data()} or return another image; buffers are reused across calls by the pipeline.
 */
public final class FloatImage {

    private final ImageShape shape;
    private final float[] data;

    public FloatImage(ImageShape shape) {
        this(shape, new float[shape.size()]);
    }

    /** An image over exactly {@code shape.size()} floats; a buffer of any other length is refused. */
    public FloatImage(ImageShape shape, float[] data) {
        this(shape, data, true);
    }

    /**
     * An image in the first {@code shape.size()} entries of a reusable scratch buffer that may be
     * longer (the pipeline's per-thread buffers are sized for the largest image they hold).
     */
    public static FloatImage inBuffer(ImageShape shape, float[] buffer) {
        return new FloatImage(shape, buffer, false);
    }

    private FloatImage(ImageShape shape, float[] data, boolean exactLength) {
        int need = shape.size();
        if (exactLength ? data.length != need : data.length < need) {
            throw new IllegalArgumentException("a " + shape + " image needs " + need + " floats, got a buffer of "
                    + data.length + (exactLength ? " (FloatImage.inBuffer takes a longer scratch buffer)" : ""));
        }
        this.shape = shape;
        this.data = data;
    }

    /** Decodes uint8 CHW pixels as {@code v / 255f}. */
    public static FloatImage fromBytes(ImageShape shape, byte[] pixels, int offset) {
        FloatImage img = new FloatImage(shape);
        img.setFromBytes(pixels, offset);
        return img;
    }

    public void setFromBytes(byte[] pixels, int offset) {
        int n = shape.size();
        for (int i = 0; i < n; i++) {
            data[i] = (pixels[offset + i] & 0xFF) / 255f;
        }
    }

    public ImageShape shape() {
        return shape;
    }

    public int channels() {
        return shape.channels();
    }

    public int height() {
        return shape.height();
    }

    public int width() {
        return shape.width();
    }

    /** The backing array; its first {@code shape().size()} entries are the image. */
    public float[] data() {
        return data;
    }

    public float get(int c, int y, int x) {
        return data[(c * shape.height() + y) * shape.width() + x];
    }

    public FloatImage copy() {
        return new FloatImage(shape, java.util.Arrays.copyOf(data, shape.size()));
    }
}
