package dev.simclr.api.plugin;

/** A plugin problem reported to the user: a name clash, an unknown name, a broken jar. */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
