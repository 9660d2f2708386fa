package dev.simclr.pytorch.parallel;

/**
 * How the B images of a step are shared among devices: consecutive ranges, the first {@code B mod N}
 * devices taking one image more. Each device gets both views of its images, laid out as its own
 * contrastive slice ({@code b_k} first views, then the same images' second views), which is the
 * layout {@link dev.simclr.loss.GlobalBatch} gathers.
 *
 * @param batch B, the images of the step
 * @param starts first image of each device
 * @param sizes images of each device (b_k)
 */
public record BatchSplit(int batch, int[] starts, int[] sizes) {

    /**
     * @param batch B
     * @param devices N
     * @param perDeviceMinimum images a device needs at least (2 when batch norm normalises over them)
     */
    public static BatchSplit of(int batch, int devices, int perDeviceMinimum) {
        if (devices < 1) {
            throw new IllegalArgumentException("a batch is split over at least one device, got " + devices);
        }
        if (batch / devices < perDeviceMinimum) {
            throw new IllegalArgumentException("train.batch-size " + batch + " over " + devices + " devices leaves fewer than "
                    + perDeviceMinimum + " image(s) on a device; use train.batch-size >= " + (devices * perDeviceMinimum)
                    + " or fewer backend.devices");
        }
        int[] starts = new int[devices];
        int[] sizes = new int[devices];
        int next = 0;
        for (int k = 0; k < devices; k++) {
            sizes[k] = batch / devices + (k < batch % devices ? 1 : 0);
            starts[k] = next;
            next += sizes[k];
        }
        return new BatchSplit(batch, starts, sizes);
    }

    public int devices() {
        return sizes.length;
    }

    /**
     * Device {@code k}'s views: rows {@code starts[k]..} of the first views then the same rows of the
     * second views, out of {@code views} ({@code [2B, ...]} row-major, {@code rowSize} floats a row).
     */
    public float[] viewsOf(float[] views, int k, int rowSize) {
        if (views.length != 2L * batch * rowSize) {
            throw new IllegalArgumentException("expected " + (2L * batch * rowSize) + " floats (2 x " + batch + " views of "
                    + rowSize + "), got " + views.length);
        }
        float[] out = new float[2 * sizes[k] * rowSize];
        int n = sizes[k] * rowSize;
        System.arraycopy(views, starts[k] * rowSize, out, 0, n);
        System.arraycopy(views, (batch + starts[k]) * rowSize, out, n, n);
        return out;
    }
}
