package dev.simclr.api;

/** Extension point: image encoders ({@code model.encoder} in YAML). */
public interface EncoderProvider extends Provider {

    /**
     * Makes an uninitialised encoder for inputs of the given shape (after augmentation).
     *
     * @param params validated parameters
     * @param input shape of one input image
     */
    Encoder create(Params params, ImageShape input);
}
