package dev.simclr.cli;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Check a run file against every declared parameter; exit 2 and list all errors when invalid.")
final class ValidateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "run file (YAML)")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunConfig rc = new RunOrchestrator(registry(), out, false).validate(ConfigSource.load(config, overrides));
        out.println(config + ": valid (" + rc.augment().size() + " augmentations, encoder " + rc.encoder().name() + ", "
                + TrainSettings.of(rc.train()).epochs() + " epochs, " + rc.evaluate().size() + " evaluators)");
        return Main.OK;
    }
}
