package dev.simclr.api.plugin;

import dev.simclr.api.Provider;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every provider of every extension point, found with {@link ServiceLoader} in the given class
 * loaders. Two providers of one kind with one name are refused, naming both classes and their
 * jars; asking for an unknown name lists the known ones.
 */
public final class PluginRegistry {

    private final Map<ProviderKind, Map<String, Provider>> byKind;

    private PluginRegistry(Map<ProviderKind, Map<String, Provider>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Loads providers from each class loader in turn (the application's first, then one per plugin
     * jar). A provider class seen through several loaders (a parent's) is counted once.
     *
     * @throws PluginException on a name clash or a provider that fails to load
     */
    public static PluginRegistry load(List<ClassLoader> loaders) {
        Map<ProviderKind, Map<String, Provider>> byKind = new EnumMap<>(ProviderKind.class);
        for (ProviderKind kind : ProviderKind.values()) {
            Map<String, Provider> named = new TreeMap<>();
            Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ClassLoader loader : loaders) {
                try {
                    for (Provider p : ServiceLoader.load(kind.type(), loader)) {
                        if (!seen.add(p.getClass())) {
                            continue;
                        }
                        add(kind, named, p);
                    }
                } catch (ServiceConfigurationError e) {
                    throw new PluginException("could not load a " + kind.label() + " provider: " + e.getMessage(), e);
                }
            }
            byKind.put(kind, Collections.unmodifiableMap(named));
        }
        return new PluginRegistry(byKind);
    }

    /** Loads from one class loader. */
    public static PluginRegistry load(ClassLoader loader) {
        return load(List.of(loader));
    }

    /** A registry of exactly these providers (tests, embedding). */
    public static PluginRegistry of(List<? extends Provider> providers) {
        Map<ProviderKind, Map<String, Provider>> byKind = new EnumMap<>(ProviderKind.class);
        for (ProviderKind kind : ProviderKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
        for (Provider p : providers) {
            boolean placed = false;
            for (ProviderKind kind : ProviderKind.values()) {
                if (kind.type().isInstance(p)) {
                    add(kind, byKind.get(kind), p);
                    placed = true;
                }
            }
            if (!placed) {
                throw new PluginException(p.getClass().getName() + " implements no extension point");
            }
        }
        byKind.replaceAll((k, m) -> Collections.unmodifiableMap(m));
        return new PluginRegistry(byKind);
    }

    private static void add(ProviderKind kind, Map<String, Provider> named, Provider p) {
        String name = p.name();
        if (name == null || name.isBlank()) {
            throw new PluginException(kind.label() + " provider " + origin(p) + " has no name");
        }
        Provider earlier = named.putIfAbsent(name, p);
        if (earlier != null) {
            throw new PluginException("two " + kind.label() + " providers are named '" + name + "': "
                    + origin(earlier) + " and " + origin(p)
                    + ". Remove one of the jars, or rename one provider.");
        }
    }

    /** {@code class (jar)} for messages. */
    public static String origin(Object provider) {
        Class<?> c = provider.getClass();
        String where = "unknown location";
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            URL url = cs.getLocation();
            where = url.getPath();
        }
        return c.getName() + " (" + where + ")";
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
        return sb.toString();
    }
}
