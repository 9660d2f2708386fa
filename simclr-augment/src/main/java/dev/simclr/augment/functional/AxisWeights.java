package dev.simclr.augment.functional;

/**
 * Interpolation weights along one axis: for each output position, the first source index and a
 * fixed number of taps (weights for consecutive source indices, or for the two explicit indices of
 * the bilinear case). Filled in place and reused, so resampling allocates nothing per image once the
 * arrays have grown to the largest size seen.
 */
final class AxisWeights {

    int length;
    int taps;
    int[] index0 = new int[0];
    int[] index1 = new int[0];
    float[] weights = new float[0];

    private void ensure(int n, int t) {
        if (index0.length < n) {
            index0 = new int[n];
            index1 = new int[n];
        }
        if (weights.length < n * t) {
            weights = new float[n * t];
        }
        length = n;
        taps = t;
    }

    /**
     * Bilinear, align_corners=False, no antialias: ATen's {@code compute_indices_weights_linear} with
     * {@code area_pixel_compute_source_index}. The scale is a float32 quotient; the source position is
     * formed in double ({@code scale * (d + 0.5) - 0.5}, an int plus 0.5 is a double in C++) and rounded
     * to float32, then clamped at 0.
     *
     * @param outStart first output position wanted (a centre crop of the resized image starts later)
     * @param inOffset added to every source index (the crop's top or left)
     */
    void bilinear(int inLen, int resizedLen, int outStart, int outLen, int inOffset) {
        ensure(outLen, 2);
        float scale = (float) inLen / (float) resizedLen;
        for (int k = 0; k < outLen; k++) {
            int d = outStart + k;
            float src = (float) (scale * (d + 0.5) - 0.5);
            if (src < 0f) {
                src = 0f;
            }
            int i0 = (int) src;
            int i1 = i0 + (i0 < inLen - 1 ? 1 : 0);
            float l1 = Math.min(Math.max(src - i0, 0f), 1f);
            float l0 = 1.0f - l1;
            index0[k] = inOffset + i0;
            index1[k] = inOffset + i1;
            weights[2 * k] = l0;
            weights[2 * k + 1] = l1;
        }
    }

    /**
     * Bilinear with antialias (a triangle filter widened by the downscale factor, as Pillow does):
     * ATen's {@code _compute_indices_weights_aa}. Taps start at {@code index0[k]}; unused taps have
     * weight 0.
     */
    void antialiased(int inLen, int resizedLen, int outStart, int outLen, int inOffset) {
        float scale = (float) inLen / (float) resizedLen;
        float support = scale >= 1.0f ? scale : 1.0f;
        float invscale = scale >= 1.0f ? 1.0f / scale : 1.0f;
        int maxTaps = (int) Math.ceil(support) * 2 + 1;
        ensure(outLen, maxTaps);
        for (int k = 0; k < outLen; k++) {
            int d = outStart + k;
            float center = (float) (scale * (d + 0.5));
            int xmin = Math.max((int) (center - support + 0.5f), 0);
            int xsize = Math.min((int) (center + support + 0.5f), inLen) - xmin;
            float total = 0f;
            int base = k * maxTaps;
            for (int j = 0; j < maxTaps; j++) {
                float w = 0f;
                if (j < xsize) {
                    float x = (j + xmin - center + 0.5f) * invscale;
                    float ax = Math.abs(x);
                    w = ax < 1.0f ? 1.0f - ax : 0f;
                }
                weights[base + j] = w;
                total += w;
            }
            if (total != 0f) {
                for (int j = 0; j < xsize; j++) {
                    weights[base + j] /= total;
                }
            }
            index0[k] = inOffset + xmin;
            index1[k] = xsize;
        }
    }
}
