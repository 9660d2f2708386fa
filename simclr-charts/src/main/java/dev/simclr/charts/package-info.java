/** Chart rendering shared by the evaluators: JFreeChart to PNG, and a palette for classes. */
package dev.simclr.charts;
