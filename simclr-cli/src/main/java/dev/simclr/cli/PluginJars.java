package dev.simclr.cli;

import dev.simclr.api.plugin.PluginException;
import dev.simclr.api.plugin.PluginFailure;
import dev.simclr.api.plugin.PluginRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads third-party plugin jars from a folder, each in its own class loader (a child of the
 * application's, so plugins see the SPI but not each other), and builds the registry. A file there
 * that is no jar is reported by name and skipped, like any other broken plugin.
 */
public final class PluginJars {

    /** The folder used when {@code --plugins} is not given, if it exists. */
    public static final Path DEFAULT_DIR = Path.of("plugins");

    private PluginJars() {}

    /** The registry over the built-in providers and the jars in {@code dir} (null: the default folder if present). */
    public static PluginRegistry registry(Path dir) {
        List<PluginFailure> notJars = new ArrayList<>();
        List<ClassLoader> loaders = loaders(dir, notJars);
        return PluginRegistry.load(loaders, notJars);
    }

    static List<ClassLoader> loaders(Path dir, List<PluginFailure> notJars) {
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
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String problem = notAJar(file);
            if (problem != null) {
                notJars.add(new PluginFailure(file.toString(), null, problem));
                continue;
            }
            try {
                loaders.add(new URLClassLoader(file.toString(), new URL[] {file.toUri().toURL()}, app));
            } catch (MalformedURLException e) {
                throw new PluginException("bad plugin jar path " + file, e);
            }
        }
        return loaders;
    }

    /** Why a file in the plugins folder cannot be loaded as a jar, or null when it can be opened as one. */
    private static String notAJar(Path file) {
        if (!file.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(file)) {
            return "not a .jar file; only jars are loaded from the plugins folder, this one is skipped";
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            return null;
        } catch (IOException e) {
            return "not a readable jar (" + e.getMessage() + "); skipped";
        }
    }
}
