package dev.simclr.cli;

import dev.simclr.api.plugin.PluginException;
import dev.simclr.api.plugin.PluginRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads third-party plugin jars from a folder, each in its own class loader (a child of the
 * application's, so plugins see the SPI but not each other), and builds the registry.
 */
public final class PluginJars {

    /** The folder used when {@code --plugins} is not given, if it exists. */
    public static final Path DEFAULT_DIR = Path.of("plugins");

    private PluginJars() {}

    /** The registry over the built-in providers and the jars in {@code dir} (null: the default folder if present). */
    public static PluginRegistry registry(Path dir) {
        return PluginRegistry.load(loaders(dir));
    }

    static List<ClassLoader> loaders(Path dir) {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader app = PluginJars.class.getClassLoader();
        loaders.add(app);
        Path folder = dir != null ? dir : (Files.isDirectory(DEFAULT_DIR) ? DEFAULT_DIR : null);
        if (folder == null) {
            return loaders;
        }
        if (!Files.isDirectory(folder)) {
            throw new PluginException("plugin folder not found: " + folder);
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(folder)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path jar : jars) {
            try {
                loaders.add(new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, app));
            } catch (MalformedURLException e) {
                throw new PluginException("bad plugin jar path " + jar, e);
            }
        }
        return loaders;
    }
}
