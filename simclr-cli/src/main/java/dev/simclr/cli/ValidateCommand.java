package dev.simclr.cli;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.config.TrainSettings;
import dev.simclr.train.run.RunOrchestrator;
import java.io.IOException;
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

    @Option(names = "--deep", description = "also do what run checks before it starts: start the backend, open the data, "
            + "and make the model, loss and training step once (seconds; the data must be there)")
    boolean deep;

    @Override
    public Integer call() throws Exception {
        RunOrchestrator orchestrator = new RunOrchestrator(registry(), out, false);
        RunConfig rc = orchestrator.validate(ConfigSource.load(config, overrides));
        out.println(config + ": valid (" + rc.augment().size() + " augmentations, encoder " + rc.encoder().name() + ", "
                + TrainSettings.of(rc.train()).epochs() + " epochs, " + rc.evaluate().size() + " evaluators)");
        if (!deep) {
            out.println("(the config alone; --deep also starts the backend, opens the data and makes the training step, as run does)");
            return Main.OK;
        }
        try {
            orchestrator.check(rc).forEach(out::println);
        } catch (IOException | RuntimeException e) {
            err.println(config + ": valid, but the run would stop before it starts: " + e.getMessage());
            return Main.INVALID;
        }
        out.println(config + ": ready to run (backend, data, model and training step made once)");
        return Main.OK;
    }
}
