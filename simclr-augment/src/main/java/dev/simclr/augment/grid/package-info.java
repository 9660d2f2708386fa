/** Pictures of augmented views next to their originals, for reports and for checking a pipeline by eye. */
package dev.simclr.augment.grid;
