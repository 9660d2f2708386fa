/**
 * Datasets: the providers that decode files into {@link dev.simclr.api.ImageStore}s (IDX for
 * MNIST-style data, the built-in Fashion-MNIST subset, CIFAR-10/100 binary batches, folders of
 * JPEG/PNG images) and {@link dev.simclr.data.DatasetOpener}, the one place that opens a
 * configured dataset and applies the options every dataset takes ({@code limit},
 * {@code per-class}). Every reader checks sizes, magic numbers and label ranges, so a bad file is
 * an error naming the file, never a silently wrong dataset.
 */
package dev.simclr.data;
