package dev.simclr.api.plugin;

import dev.simclr.api.Provider;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every provider of every extension point, found with {@link ServiceLoader} in the given class
 * loaders. Two providers of one kind with one name are refused, naming both classes and their
 * jars; asking for an unknown name lists the known ones. A provider that cannot be loaded (its class
 * is missing or built for a newer Java, its constructor throws, its {@code name()} or
 * {@code parameters()} throws) is kept aside as a {@link PluginFailure} naming its jar, and
 * everything else still loads.
 */
public final class PluginRegistry {

    /** More failed entries than this in one service lookup means it is not advancing. */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<ProviderKind, Map<String, Provider>> byKind;
    private final List<PluginFailure> failures;

    private PluginRegistry(Map<ProviderKind, Map<String, Provider>> byKind, List<PluginFailure> failures) {
        this.byKind = byKind;
        this.failures = List.copyOf(failures);
    }

    /** Loads providers from each class loader in turn; see {@link #load(List, List)}. */
    public static PluginRegistry load(List<ClassLoader> loaders) {
        return load(loaders, List.of());
    }

    /**
     * Loads providers from each class loader in turn (the application's first, then one per plugin
     * jar). A provider class seen through several loaders (a parent's) is counted once; so is a
     * failure. {@code earlier} are failures found before any class loading (a file that is no jar).
     *
     * @throws PluginException on a name clash
     */
    public static PluginRegistry load(List<ClassLoader> loaders, List<PluginFailure> earlier) {
        Map<ProviderKind, Map<String, Provider>> byKind = new EnumMap<>(ProviderKind.class);
        Map<String, PluginFailure> failures = new LinkedHashMap<>();
        earlier.forEach(f -> failures.put(f.toString(), f));
        for (ProviderKind kind : ProviderKind.values()) {
            Map<String, Provider> named = new TreeMap<>();
            Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ClassLoader loader : loaders) {
                loadKind(kind, loader, named, seen, failures);
            }
            byKind.put(kind, Collections.unmodifiableMap(named));
        }
        return new PluginRegistry(byKind, new ArrayList<>(failures.values()));
    }

    /**
     * One loader's providers of one kind. After a failed entry, {@link ServiceLoader}'s iterator goes on
     * with the next one; the bound only guards against a lookup that stops advancing.
     */
    private static void loadKind(ProviderKind kind, ClassLoader loader, Map<String, Provider> named,
            Set<Class<?>> seen, Map<String, PluginFailure> failures) {
        Iterator<? extends Provider> it = ServiceLoader.load(kind.type(), loader).iterator();
        for (int entry = 0; entry < MAX_ENTRIES; entry++) {
            Provider p;
            try {
                if (!it.hasNext()) {
                    return;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // keyed without the source: a parent's broken provider shows again through each child loader
                failures.putIfAbsent(kind + loadFailure(kind, e), new PluginFailure(sourceOf(loader, null), kind, loadFailure(kind, e)));
                continue;
            }
            if (seen.add(p.getClass())) {
                String problem = admit(kind, named, p);
                if (problem != null) {
                    failures.putIfAbsent(kind + problem, new PluginFailure(sourceOf(loader, p.getClass()), kind, problem));
                }
            }
        }
        failures.putIfAbsent(kind + sourceOf(loader, null), new PluginFailure(sourceOf(loader, null), kind,
                "stopped after " + MAX_ENTRIES + " " + kind.label() + " providers that failed to load"));
    }

    /** What a failed service entry says, without the service interface's name in front. */
    private static String loadFailure(ProviderKind kind, Throwable e) {
        if (e instanceof ServiceConfigurationError) {
            String message = String.valueOf(e.getMessage()).replaceFirst("^" + Pattern.quote(kind.type().getName()) + ": ", "");
            return kind.label() + " provider failed: " + message
                    + (e.getCause() == null ? "" : ": " + PluginFailure.cause(e.getCause()));
        }
        return kind.label() + " provider could not be loaded: " + PluginFailure.cause(e);
    }

    /**
     * Where a failure comes from: a plugin loader's name (the plugin folder names each loader after its
     * jar), else the jar of the provider class when known, else the one URL a loader reads, else the class path.
     */
    private static String sourceOf(ClassLoader loader, Class<?> provider) {
        if (loader.getName() != null && !loader.getName().equals("app")) {
            return loader.getName();
        }
        if (provider != null) {
            return location(provider);
        }
        if (loader instanceof URLClassLoader u && u.getURLs().length == 1) {
            return u.getURLs()[0].getPath();
        }
        return "the class path";
    }

    /** Loads from one class loader. */
    public static PluginRegistry load(ClassLoader loader) {
        return load(List.of(loader));
    }

    /** A registry of exactly these providers (tests, embedding); any problem with one is an error. */
    public static PluginRegistry of(List<? extends Provider> providers) {
        Map<ProviderKind, Map<String, Provider>> byKind = new EnumMap<>(ProviderKind.class);
        for (ProviderKind kind : ProviderKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
        for (Provider p : providers) {
            boolean placed = false;
            for (ProviderKind kind : ProviderKind.values()) {
                if (kind.type().isInstance(p)) {
                    String problem = admit(kind, byKind.get(kind), p);
                    if (problem != null) {
                        throw new PluginException(problem);
                    }
                    placed = true;
                }
            }
            if (!placed) {
                throw new PluginException(p.getClass().getName() + " implements no extension point");
            }
        }
        byKind.replaceAll((k, m) -> Collections.unmodifiableMap(m));
        return new PluginRegistry(byKind, List.of());
    }

    /**
     * Adds a provider under its name, or says why it cannot be used: its self-description throws, or
     * it has no name. A name clash is an error.
     */
    private static String admit(ProviderKind kind, Map<String, Provider> named, Provider p) {
        String name;
        String step = "name()";
        try {
            name = p.name();
            step = "description()";
            p.description();
            step = "parameters()";
            p.parameters();
        } catch (RuntimeException | LinkageError e) {
            return kind.label() + " provider " + p.getClass().getName() + " failed in " + step + ": " + PluginFailure.cause(e);
        }
        if (name == null || name.isBlank()) {
            return kind.label() + " provider " + origin(p) + " has no name";
        }
        Provider earlier = named.putIfAbsent(name, p);
        if (earlier != null) {
            throw new PluginException("two " + kind.label() + " providers are named '" + name + "': "
                    + origin(earlier) + " and " + origin(p)
                    + ". Remove one of the jars, or rename one provider.");
        }
        return null;
    }

    /** The plugins that could not be loaded, in the order found. */
    public List<PluginFailure> failures() {
        return failures;
    }

    /** {@code class (jar)} for messages. */
    public static String origin(Object provider) {
        Class<?> c = provider.getClass();
        return c.getName() + " (" + location(c) + ")";
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            URL url = cs.getLocation();
            return url.getPath();
        }
        return "unknown location";
    }

    /** The provider of a kind with a name. */
    public <T extends Provider> T get(Class<T> type, String name) {
        ProviderKind kind = ProviderKind.of(type);
        Provider p = byKind.get(kind).get(name);
        if (p == null) {
            throw new PluginException(unknownMessage(kind, name));
        }
        return type.cast(p);
    }

    /** Whether a provider of that kind and name exists. */
    public boolean has(ProviderKind kind, String name) {
        return byKind.get(kind).containsKey(name);
    }

    /** Providers of one kind, sorted by name. */
    public <T extends Provider> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Provider p : byKind.get(ProviderKind.of(type)).values()) {
            out.add(type.cast(p));
        }
        return out;
    }

    /** Providers of one kind by name, sorted. */
    public Map<String, Provider> all(ProviderKind kind) {
        return new LinkedHashMap<>(byKind.get(kind));
    }

    /** "unknown encoder 'resnet81', known: resnet18, resnet34 (did you mean resnet18?)". */
    public String unknownMessage(ProviderKind kind, String name) {
        Set<String> known = byKind.get(kind).keySet();
        StringBuilder sb = new StringBuilder("unknown " + kind.label() + " '" + name + "'");
        String close = dev.simclr.api.config.Suggest.closest(name, known);
        if (close != null) {
            sb.append(", did you mean ").append(close).append('?');
        }
        sb.append(known.isEmpty() ? " (no " + kind.label() + " providers are installed)" : " (known: " + String.join(", ", known) + ")");
        List<String> candidates = failures.stream().filter(f -> f.mayProvide(kind)).map(PluginFailure::toString).toList();
        if (!candidates.isEmpty()) {
            sb.append("; not loaded, and perhaps the one meant: ").append(String.join("; ", candidates));
        }
        return sb.toString();
    }
}
