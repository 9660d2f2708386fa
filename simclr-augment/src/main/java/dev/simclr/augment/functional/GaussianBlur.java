package dev.simclr.augment.functional;

/**
 * {@code gaussian_blur} of torchvision 0.14's tensor path (functional_tensor 729-771): a normalised
 * 1-D Gaussian over {@code linspace(-(k-1)/2, (k-1)/2, k)}, applied as the outer-product 2-D kernel
 * with reflect padding of {@code k/2} (mirror without repeating the edge). The 2-D kernel is
 * separable, so it is applied as a row pass then a column pass; that changes only the summation
 * order (differences of a few 1e-8).
 */
public final class GaussianBlur {

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private GaussianBlur() {
    }

    /** {@code _get_gaussian_kernel1d(k, sigma)} in float32, into {@code out[0..k)}. */
    public static void kernel1d(int k, double sigma, float[] out) {
        float half = (k - 1) * 0.5f;
        float s = (float) sigma;
        float sum = 0f;
        for (int i = 0; i < k; i++) {
            // linspace with unit step: -half + i is exact
            float x = -half + i;
            float z = x / s;
            float pdf = (float) Math.exp(-0.5f * (z * z));
            out[i] = pdf;
            sum += pdf;
        }
        for (int i = 0; i < k; i++) {
            out[i] /= sum;
        }
    }

    /** Blurs {@code img} in place with an odd kernel size {@code k} and standard deviation sigma. */
    public static void blur(float[] img, int channels, int height, int width, int k, double sigma) {
        if (k <= 0 || k % 2 == 0) {
            throw new IllegalArgumentException("gaussian blur kernel size must be odd and positive, got " + k);
        }
        int pad = k / 2;
        if (pad >= height || pad >= width) {
            throw new IllegalArgumentException("gaussian blur kernel size " + k + " needs an image larger than "
                    + pad + " pixels on each side for reflect padding, got " + height + "x" + width);
        }
        float[] kernel = new float[k];
        kernel1d(k, sigma, kernel);
        float[][] holder = SCRATCH.get();
        int need = Math.max(height, width) + 2 * pad;
        if (holder[0].length < need + height * width) {
            holder[0] = new float[need + height * width];
        }
        float[] line = holder[0];
        int plane = height * width;
        int tmp = need;
        for (int c = 0; c < channels; c++) {
            int base = c * plane;
            // rows
            for (int y = 0; y < height; y++) {
                int row = base + y * width;
                fillReflect(img, row, 1, width, pad, line);
                for (int x = 0; x < width; x++) {
                    float acc = 0f;
                    for (int j = 0; j < k; j++) {
                        acc += line[x + j] * kernel[j];
                    }
                    line[tmp + y * width + x] = acc;
                }
            }
            // columns, reading the row pass's result
            for (int x = 0; x < width; x++) {
                fillReflect(line, tmp + x, width, height, pad, line);
                for (int y = 0; y < height; y++) {
                    float acc = 0f;
                    for (int j = 0; j < k; j++) {
                        acc += line[y + j] * kernel[j];
                    }
                    img[base + y * width + x] = acc;
                }
            }
        }
    }

    /** Copies n values starting at {@code start} with {@code stride} into {@code out[pad..pad+n)} and mirrors the ends. */
    private static void fillReflect(float[] a, int start, int stride, int n, int pad, float[] out) {
        for (int i = 0; i < n; i++) {
            out[pad + i] = a[start + i * stride];
        }
        for (int i = 1; i <= pad; i++) {
            out[pad - i] = out[pad + i];
            out[pad + n - 1 + i] = out[pad + n - 1 - i];
        }
    }
}
