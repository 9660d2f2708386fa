/** The PyTorch backend through DJL: CPU or GPU devices, offline natives, and its training step. */
package dev.simclr.pytorch.backend;
