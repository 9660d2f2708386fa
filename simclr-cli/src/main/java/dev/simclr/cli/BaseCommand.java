package dev.simclr.cli;

import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.DjlRuntime;
import dev.simclr.train.progress.ConsoleProgress;
import java.io.PrintStream;
import java.nio.file.Path;
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
        }
        return registry;
    }

    boolean terminal() {
        return out == System.out && ConsoleProgress.isTerminal();
    }
}
