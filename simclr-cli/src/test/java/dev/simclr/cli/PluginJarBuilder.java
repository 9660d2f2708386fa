package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Block;
import dev.simclr.api.Provider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a third party's plugin jar the way its own build would: sources compiled against the SPI and
 * DJL's API only, packed with the service files that AutoService would generate. It can also build
 * the broken jars a user meets: a class left out of the jar, or a class built for a newer Java.
 */
final class PluginJarBuilder {

    private final Path work;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Set<String> omitted = new HashSet<>();
    private final Set<String> newerJava = new HashSet<>();

    /** @param work a scratch folder of its own for sources and classes */
    PluginJarBuilder(Path work) {
        this.work = work;
    }

    /** A class of the plugin, by its fully qualified name. */
    PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Registers {@code className} as a provider of {@code spi}. */
    PluginJarBuilder service(Class<? extends Provider> spi, String className) {
        services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).add(className);
        return this;
    }

    /** Compiles against the class, but leaves it out of the jar (a dependency the jar does not ship). */
    PluginJarBuilder omit(String className) {
        omitted.add(className);
        return this;
    }

    /** Marks the class as built for a Java newer than this one (its class-file major version raised). */
    PluginJarBuilder newerJava(String className) {
        newerJava.add(className);
        return this;
    }

    Path build(Path jar) throws IOException {
        Path classes = compile();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, List<String>> s : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                out.write((String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (String className : sources.keySet()) {
                if (omitted.contains(className)) {
                    continue;
                }
                String entry = className.replace('.', '/') + ".class";
                byte[] bytes = Files.readAllBytes(classes.resolve(entry));
                if (newerJava.contains(className)) {
                    // class file bytes 6-7: major version (JVMS 4.1); ten releases past this runtime
                    int major = Runtime.version().feature() + 44 + 10;
                    bytes[6] = (byte) (major >> 8);
                    bytes[7] = (byte) major;
                }
                out.putNextEntry(new JarEntry(entry));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return jar;
    }

    private Path compile() throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                locationOf(Provider.class) + File.pathSeparator + locationOf(Block.class)));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, diagnostics, args.toArray(String[]::new));
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        return classes;
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }
}
