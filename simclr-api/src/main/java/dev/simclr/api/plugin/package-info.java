/** Finding providers: the registry over {@link java.util.ServiceLoader} and its rules. */
package dev.simclr.api.plugin;
