package dev.simclr.api.plugin;

/**
 * A plugin that could not be loaded, kept so that the rest still loads: where it came from (a jar
 * file, or the application's class path), the extension point when known (null for a file that is no
 * jar at all), and what went wrong in words that name the provider class and the cause's own message.
 */
public record PluginFailure(String source, ProviderKind kind, String detail) {

    /** {@code plugins/broken.jar: augmentation provider org.example.Broken could not be created: ...}. */
    @Override
    public String toString() {
        return source + ": " + detail;
    }

    /** Whether what failed could have been a provider of {@code asked}: one of that kind, or a jar that could not be read at all. */
    public boolean mayProvide(ProviderKind asked) {
        return kind == null ? source.endsWith(".jar") : kind == asked;
    }

    /**
     * A cause in one line, and its root when that is another:
     * {@code NoClassDefFoundError: org/example/Missing (ClassNotFoundException: org.example.Missing)}.
     */
    static String cause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? oneLine(t) : oneLine(t) + " (" + oneLine(root) + ")";
    }

    private static String oneLine(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
