package dev.simclr.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one JPEG or PNG file (javax.imageio) into uint8 CHW planes with 1 or 3 channels,
 * optionally resized so its shorter side is {@code size} and centre-cropped to size x size, as
 * torchvision's {@code Resize(size)} followed by {@code CenterCrop(size)} do.
 */
final class ImageDecoder {

    private ImageDecoder() {}

    /** A decoded image: {@code channels} planes of height x width bytes. */
    record Decoded(int channels, int height, int width, byte[] chw) {}

    /**
     * @param size 0 to keep the image's own size
     * @throws DatasetException when the file is not a readable JPEG or PNG image
     */
    static Decoded decode(Path file, int channels, int size) throws IOException {
        return decoded(read(file.toString(), () -> ImageIO.createImageInputStream(file.toFile())), channels, size);
    }

    /**
     * Decodes an image held in memory (a member of a tar shard, say).
     *
     * @param name what to call it in errors (the shard and member)
     * @throws DatasetException when the bytes are not a readable JPEG or PNG image
     */
    static Decoded decode(byte[] bytes, String name, int channels, int size) throws IOException {
        return decoded(read(name, () -> new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))), channels, size);
    }

    /** Opens the encoded image (null when nothing can read it). */
    @FunctionalInterface
    private interface Source {
        ImageInputStream open() throws IOException;
    }

    private static Decoded decoded(BufferedImage image, int channels, int size) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[][] planes = planes(image, channels);
        if (size > 0 && !(h == size && w == size)) {
            return ResizeCrop.apply(planes, h, w, size);
        }
        byte[] chw = new byte[channels * h * w];
        for (int c = 0; c < channels; c++) {
            float[] p = planes[c];
            for (int i = 0; i < p.length; i++) {
                chw[c * p.length + i] = (byte) Math.round(p[i]);
            }
        }
        return new Decoded(channels, h, w, chw);
    }

    /**
     * Reads the first image of the file. javax.imageio decodes a truncated JPEG without an exception
     * (the missing rows come out grey) and only warns ("Truncated File - Missing EOI marker",
     * "premature end of data segment"); such a warning is a failure here, as a truncated file is
     * for PIL, which torchvision's image folders read with. Other warnings (extraneous bytes before a
     * marker, say) leave the image as decoded, as PIL does.
     */
    private static BufferedImage read(String file, Source encoded) throws IOException {
        List<String> warnings = new ArrayList<>();
        BufferedImage image;
        try (ImageInputStream in = encoded.open()) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetException(file + ": not a JPEG or PNG image (no image reader recognises it)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> {
                    String w = warning.toLowerCase(java.util.Locale.ROOT);
                    if (w.contains("truncated") || w.contains("premature end")) {
                        warnings.add(warning);
                    }
                });
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw new DatasetException(file + ": cannot decode (" + e.getMessage() + "); expected a JPEG or PNG image", e);
        }
        if (!warnings.isEmpty()) {
            throw new DatasetException(file + ": truncated or damaged image (" + warnings.get(0) + ")");
        }
        return image;
    }

    /** The image's pixels as {@code channels} float planes with values in [0, 255]; alpha is dropped. */
    private static float[][] planes(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int n = h * w;
        ColorModel cm = image.getColorModel();
        float[][] out = new float[channels][n];
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            // Read gray samples from the raster: getRGB would pass them through a linear-gray to
            // sRGB conversion and brighten them.
            Raster raster = image.getRaster();
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            double scale = 255.0 / ((1 << cm.getComponentSize(0)) - 1);
            for (int i = 0; i < n; i++) {
                float v = (float) Math.rint(samples[i] * scale);
                for (int c = 0; c < channels; c++) {
                    out[c][i] = v;
                }
            }
            return out;
        }
        int[] argb = rgb(image);
        for (int i = 0; i < n; i++) {
            int r = (argb[i] >> 16) & 0xff;
            int g = (argb[i] >> 8) & 0xff;
            int b = argb[i] & 0xff;
            if (channels == 1) {
                // ITU-R 601-2 luma in fixed point, as PIL's convert("L") (torchvision's Grayscale on PIL images).
                out[0][i] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
            } else {
                out[0][i] = r;
                out[1][i] = g;
                out[2][i] = b;
            }
        }
        return out;
    }

    /**
     * The image's pixels as packed RGB. The JDK's JPEG reader returns colour photos as 3-byte BGR
     * sRGB rasters; those are read straight from the raster (the same values {@code getRGB} gives,
     * which converts pixel by pixel through the colour model, several times slower); any other
     * kind of image goes through {@code getRGB}.
     */
    private static int[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * w && buffer.getNumBanks() == 1
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            byte[] bgr = buffer.getData();
            int[] out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = ((bgr[j + 2] & 0xff) << 16) | ((bgr[j + 1] & 0xff) << 8) | (bgr[j] & 0xff);
            }
            return out;
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
