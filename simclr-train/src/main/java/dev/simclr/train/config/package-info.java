/** Reading run files (YAML), {@code --set} overrides, and writing resolved configs. */
package dev.simclr.train.config;
