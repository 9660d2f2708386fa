/** The JSON settings of metrics lines and results files. */
package dev.simclr.train.io;
