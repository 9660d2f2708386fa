package dev.simclr.data;

import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.Resize;

/**
 * Resize so the shorter side is {@code size}, then centre-crop to size x size: the augmentation
 * library's {@link Resize} (torchvision's {@code Resize(size)} + {@code CenterCrop(size)}) with
 * antialiasing, as PIL's bilinear resize, so large photos shrink without aliasing; the result is
 * rounded back to 8-bit pixels. Resampling is linear, so the [0, 255] range of decoded pixels
 * passes through unchanged.
 */
final class ResizeCrop {

    private ResizeCrop() {}

    static ImageDecoder.Decoded apply(float[][] planes, int h, int w, int size) {
        int channels = planes.length;
        float[] chw = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(planes[c], 0, chw, c * h * w, h * w);
        }
        float[] resized = new float[channels * size * size];
        new Resize(size, true).applyInto(new FloatImage(new ImageShape(channels, h, w), chw), resized, null);
        byte[] out = new byte[resized.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i])));
        }
        return new ImageDecoder.Decoded(channels, size, size, out);
    }
}
