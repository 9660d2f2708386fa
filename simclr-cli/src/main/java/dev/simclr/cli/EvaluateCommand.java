package dev.simclr.cli;

import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", description = "Re-run the evaluators of a finished run (no pre-training), optionally on another backend.")
final class EvaluateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "a run folder made by simclr run")
    Path runDir;

    @ArgGroup(exclusive = false)
    BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        new RunOrchestrator(registry(), out, terminal()).evaluate(runDir, backend.given() ? backend::applyTo : null);
        return Main.OK;
    }
}
