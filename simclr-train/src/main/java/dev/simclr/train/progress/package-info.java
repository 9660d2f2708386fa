/** Progress display for long work: a bar on terminals, periodic lines elsewhere. */
package dev.simclr.train.progress;
