package dev.simclr.train.checkpoint;

import java.nio.file.Path;

/**
 * One checkpoint file of a run: {@code checkpoints/step-NNNNNNNN.ckpt}, a ZIP holding
 * {@code state.json} (the {@link TrainingState} and the optimizer's name), {@code parameters.bin}
 * (every parameter of the network by its name, running statistics included) and
 * {@code optimizer.bin} (each parameter's update count and buffers), then {@code checksums.txt} (the
 * SHA-256 of each, see {@link CheckpointChecksums}; absent from checkpoints written before it existed).
 *
 * @param file the checkpoint file
 * @param globalStep steps done when it was written
 */
public record Checkpoint(Path file, long globalStep) {

    /** The file's name relative to the run folder, for messages: {@code checkpoints/step-00000120.ckpt}. */
    public String displayName() {
        Path parent = file.getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }
}
