package dev.simclr.tensorflow;

/** The order of the axes of a 4-d activation. */
enum Layout {
    /** {@code [N, C, H, W]}: what DJL blocks consume and produce. */
    CHANNELS_FIRST,
    /** {@code [N, H, W, C]}: what TensorFlow's CPU convolution and pooling kernels accept. */
    CHANNELS_LAST
}
