package dev.simclr.cli;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.run.RunOrchestrator;
import picocli.CommandLine.Command;

@Command(name = "init", description = "Print a complete, commented run file (the built-in default) to start from: simclr init > my-run.yaml")
final class InitCommand extends BaseCommand {

    @Override
    public Integer call() throws Exception {
        RunConfig rc = new RunOrchestrator(registry(), out, false).validate(ConfigSource.builtInDefault());
        out.print(InitTemplate.render(rc, registry()));
        return Main.OK;
    }
}
