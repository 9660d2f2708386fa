package dev.simclr.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.EncoderProvider;
import dev.simclr.api.TestProviders;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @Test
    void twoProvidersWithOneNameAreRefusedNamingBothClasses() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginRegistry.of(List.of(new TestProviders.Flip(), new TestProviders.OtherFlip())));
        assertTrue(e.getMessage().contains("two augmentation providers are named 'horizontal-flip'"), e.getMessage());
        assertTrue(e.getMessage().contains(TestProviders.Flip.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(TestProviders.OtherFlip.class.getName()), e.getMessage());
    }

    @Test
    void unknownNameListsTheKnownOnesAndSuggestsTheClosest() {
        PluginRegistry reg = PluginRegistry.of(TestProviders.all());
        PluginException e = assertThrows(PluginException.class, () -> reg.get(AugmentationProvider.class, "color-jiter"));
        assertEquals("unknown augmentation 'color-jiter', did you mean color-jitter? (known: color-jitter, horizontal-flip, normalize)", e.getMessage());
    }

    @Test
    void providersAreFoundByKindAndName() {
        PluginRegistry reg = PluginRegistry.of(TestProviders.all());
        assertEquals("resnet18", reg.get(EncoderProvider.class, "resnet18").name());
        assertEquals(3, reg.all(AugmentationProvider.class).size());
        assertTrue(reg.has(ProviderKind.LOSS, "nt-xent"));
    }

    @Test
    void aProviderWithoutANameIsRefused() {
        AugmentationProvider nameless = mock(AugmentationProvider.class);
        when(nameless.name()).thenReturn(" ");
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of(List.of(nameless)));
        assertTrue(e.getMessage().contains("has no name"), e.getMessage());
    }

    @Test
    void serviceLoaderFindsProvidersOfEachClassLoaderAndRefusesAClashAcrossJars(@TempDir Path dir) throws IOException {
        Path a = servicesFolder(dir.resolve("a"), TestProviders.Flip.class);
        Path b = servicesFolder(dir.resolve("b"), TestProviders.OtherFlip.class);
        ClassLoader app = getClass().getClassLoader();
        try (URLClassLoader la = new URLClassLoader(new URL[] {a.toUri().toURL()}, app);
                URLClassLoader lb = new URLClassLoader(new URL[] {b.toUri().toURL()}, app)) {
            PluginRegistry one = PluginRegistry.load(List.of(la));
            assertEquals(List.of("horizontal-flip"), List.copyOf(one.all(ProviderKind.AUGMENTATION).keySet()));
            PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.load(List.of(la, lb)));
            assertTrue(e.getMessage().contains("OtherFlip"), e.getMessage());
        }
    }

    @Test
    void aProviderThatCannotBeFoundIsKeptAsAFailureAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("half-broken");
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        Files.writeString(services.resolve(AugmentationProvider.class.getName()),
                "org.example.Gone\n" + TestProviders.Flip.class.getName() + "\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader("half-broken.jar", new URL[] {root.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry reg = PluginRegistry.load(List.of(loader));
            assertTrue(reg.has(ProviderKind.AUGMENTATION, "horizontal-flip"));
            assertEquals(1, reg.failures().size(), reg.failures().toString());
            PluginFailure f = reg.failures().get(0);
            assertEquals("half-broken.jar", f.source());
            assertEquals(ProviderKind.AUGMENTATION, f.kind());
            assertTrue(f.detail().contains("org.example.Gone"), f.detail());
            String unknown = reg.unknownMessage(ProviderKind.AUGMENTATION, "gone");
            assertTrue(unknown.contains("; not loaded, and perhaps the one meant: half-broken.jar: augmentation provider failed"), unknown);
            assertTrue(!reg.unknownMessage(ProviderKind.LOSS, "gone").contains("half-broken.jar"), "only failures of the kind asked for");
        }
    }

    private static Path servicesFolder(Path root, Class<?> provider) throws IOException {
        Path services = root.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(AugmentationProvider.class.getName()), provider.getName() + "\n", StandardCharsets.UTF_8);
        return root;
    }
}
