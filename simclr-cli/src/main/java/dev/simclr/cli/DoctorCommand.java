package dev.simclr.cli;

import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.api.plugin.ProviderKind;
import picocli.CommandLine.Command;

@Command(name = "doctor", description = "Show Java, engines and devices found, natives, datasets and plugins.")
final class DoctorCommand extends BaseCommand {

    @Override
    public Integer call() {
        Runtime rt = Runtime.getRuntime();
        out.println("java:      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        out.println("os:        " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + rt.availableProcessors()
                + " cores, max heap " + rt.maxMemory() / (1 << 20) + " MiB");
        out.println("djl:       offline=" + System.getProperty("ai.djl.offline") + ", cache " + System.getProperty("user.home") + "/.djl.ai");
        PluginRegistry reg = registry();
        out.println("backends:");
        boolean anyTrains = false;
        for (BackendProvider p : reg.all(BackendProvider.class)) {
            BackendStatus s = p.status();
            anyTrains |= s.available() && s.canTrain();
            out.printf("  %-11s %s%n", s.name(), s.available()
                    ? "found: " + s.version() + "; devices " + String.join(", ", s.devices()) + "; " + (s.canTrain() ? "can train" : "cannot train (evaluation only)")
                    : "NOT available");
            if (s.detail() != null && !s.detail().isEmpty()) {
                out.println("              " + s.detail());
            }
        }
        if (!reg.has(ProviderKind.BACKEND, "tensorflow")) {
            out.printf("  %-11s %s%n", "tensorflow", "not in this distribution (pre-trains and evaluates; build it with "
                    + "`mvn -q -B install -DskipTests -Ptensorflow`, see docs/backends.md)");
        }
        out.println("datasets:");
        for (DatasetProvider d : reg.all(DatasetProvider.class)) {
            for (String line : d.status()) {
                out.println("  " + line);
            }
        }
        out.println("plugins:");
        for (ProviderKind k : ProviderKind.values()) {
            out.printf("  %-16s %s%n", k.label(), String.join(", ", reg.all(k).keySet()));
        }
        return anyTrains ? Main.OK : Main.FAILED;
    }
}
