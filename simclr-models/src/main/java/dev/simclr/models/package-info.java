/**
 * Encoders and projection heads: the {@code resnet18}, {@code resnet34} and {@code resnet50}
 * encoder providers (built by {@link dev.simclr.models.ResNet} with a CIFAR or ImageNet
 * {@link dev.simclr.models.Stem}, a width multiplier and optional zero-init of residual branches)
 * and the {@code mlp} projection head ({@link dev.simclr.models.MlpHead}).
 *
 * <p>Every model is a tree of standard DJL blocks ({@code SequentialBlock}, {@code Conv2d} without
 * bias, {@code BatchNorm}, {@code Linear}, ReLU and pooling blocks) plus one custom block,
 * {@link dev.simclr.models.ResidualConnection} (the residual sum), so another engine can re-run the
 * forward pass by walking the tree. Batch norms use torchvision's epsilon 1e-5 and momentum 0.1
 * (0.9 in DJL's convention); initialisation matches torchvision's.
 */
package dev.simclr.models;
