/**
 * The {@code tensorflow} backend: DJL's TensorFlow engine for evaluation and embedding with encoders
 * pre-trained on PyTorch. Because that engine has no convolution, batch norm or pooling behind
 * DJL's NDArray interface, a trained block tree is interpreted layer by layer with TensorFlow raw
 * operators ({@link dev.simclr.tensorflow.BlockInterpreter}); where the natives come from is
 * {@link dev.simclr.tensorflow.TensorFlowNatives}.
 */
package dev.simclr.tensorflow;
