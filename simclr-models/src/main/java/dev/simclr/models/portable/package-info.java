/**
 * Encoders outside this project: the safetensors file format, and the names torchvision gives the
 * tensors of a ResNet, so a trained encoder loads into {@code torchvision.models.resnet18()} as it
 * is and published weights load into ours.
 */
package dev.simclr.models.portable;
