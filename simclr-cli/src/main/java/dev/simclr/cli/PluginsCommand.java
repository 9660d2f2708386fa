package dev.simclr.cli;

import dev.simclr.api.Param;
import dev.simclr.api.Provider;
import dev.simclr.api.plugin.PluginFailure;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "plugins", description = "List every provider by kind, with its parameters, defaults and where it comes from.")
final class PluginsCommand extends BaseCommand {

    @Override
    public Integer call() {
        PluginRegistry reg = registry();
        for (ProviderKind kind : ProviderKind.values()) {
            Map<String, Provider> all = reg.all(kind);
            out.println(kind.label() + " (" + all.size() + "):");
            for (Provider p : all.values()) {
                out.println("  " + p.name() + "  - " + p.description());
                out.println("      from " + PluginRegistry.origin(p));
                for (Param param : p.parameters()) {
                    out.println("      " + describe(param));
                }
            }
            out.println();
        }
        printFailures(reg);
        return Main.OK;
    }

    @Override
    boolean warnsOfBrokenPlugins() {
        return false;
    }

    private void printFailures(PluginRegistry reg) {
        if (reg.failures().isEmpty()) {
            return;
        }
        out.println("failed to load (" + reg.failures().size() + "), left out of everything above:");
        for (PluginFailure f : reg.failures()) {
            out.println("  " + f.source());
            out.println("      " + f.detail());
        }
        out.println();
    }

    static String describe(Param p) {
        String def = p.required() ? "required" : p.defaultValue() == null ? "optional" : "default " + InitTemplate.scalar(p.defaultValue());
        return String.format("%-22s %s; %s. %s", p.name(), p.allowed(), def, p.description());
    }
}
