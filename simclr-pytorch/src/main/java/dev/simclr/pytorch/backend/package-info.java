/** Engine backends: PyTorch on CPU or GPU through DJL, device selection, offline settings. */
package dev.simclr.pytorch.backend;
