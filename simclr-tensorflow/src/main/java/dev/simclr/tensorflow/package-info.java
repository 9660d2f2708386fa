/**
 * The {@code tensorflow} backend. Evaluation and embedding run on DJL's TensorFlow engine: because
 * that engine has no convolution, batch norm or pooling behind DJL's NDArray interface, a trained
 * block tree is interpreted layer by layer with TensorFlow raw operators
 * ({@link dev.simclr.tensorflow.BlockInterpreter}). Pre-training translates the same block tree,
 * NT-Xent and the optimizer into one TensorFlow graph with gradients
 * ({@link dev.simclr.tensorflow.GraphTrainingStep}, {@link dev.simclr.tensorflow.StepGraph}), since
 * DJL's eager engine has no autograd. Where the natives come from is
 * {@link dev.simclr.tensorflow.TensorFlowNatives}.
 */
package dev.simclr.tensorflow;
