package dev.simclr.cli;

import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.DjlRuntime;
import dev.simclr.train.progress.ConsoleProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every subcommand shares: output streams and the plugin folder. */
abstract class BaseCommand implements Callable<Integer> {

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of plugin jars (default: ./plugins when it exists)")
    Path plugins;

    private PluginRegistry registry;

    PluginRegistry registry() {
        if (registry == null) {
            DjlRuntime.configureOffline();
            registry = PluginJars.registry(plugins);
            if (!registry.failures().isEmpty() && warnsOfBrokenPlugins()) {
                err.println(brokenPluginsWarning(registry));
            }
        }
        return registry;
    }

    /** Whether this command warns in one line of plugins that failed to load ({@code plugins} lists them instead). */
    boolean warnsOfBrokenPlugins() {
        return true;
    }

    /** One line: how many plugins failed, which files, and where to read why. */
    static String brokenPluginsWarning(PluginRegistry registry) {
        Set<String> sources = new LinkedHashSet<>();
        registry.failures().forEach(f -> sources.add(f.source()));
        int n = registry.failures().size();
        return "warning: " + n + (n == 1 ? " plugin was" : " plugins were") + " not loaded and " + (n == 1 ? "is" : "are")
                + " left out (" + String.join(", ", sources) + "); `simclr plugins` says why";
    }

    boolean terminal() {
        return out == System.out && ConsoleProgress.isTerminal();
    }
}
