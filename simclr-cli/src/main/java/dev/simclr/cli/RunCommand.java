package dev.simclr.cli;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.run.RunOrchestrator;
import dev.simclr.train.run.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Pre-train with SimCLR, then evaluate. Without CONFIG, runs the built-in Fashion-MNIST default.")
final class RunCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "run file (YAML); default: the built-in default run")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a key, e.g. --set train.epochs=5 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: output.dir/output.name, or a dated folder)")
    Path outDir;

    @Option(names = "--force", description = "overwrite a non-empty run folder")
    boolean force;

    @Option(names = "--resume", paramLabel = "RUNDIR",
            description = "continue the run in RUNDIR from its newest checkpoint, with its config.yaml (--set may change keys, e.g. train.epochs)")
    Path resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOrchestrator orchestrator = new RunOrchestrator(registry(), out, terminal());
        if (resume != null) {
            if (config != null || outDir != null || force) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--resume continues RUNDIR with its own config.yaml; leave out CONFIG, --out and --force (use --set to change a key)");
            }
            RunOutcome outcome = orchestrator.resume(resume, overrides);
            out.println();
            out.println("run folder: " + outcome.runDir());
            return Main.OK;
        }
        Map<String, Object> tree = ConfigSource.load(config, overrides);
        RunConfig rc = orchestrator.validate(tree);
        RunOutcome outcome = orchestrator.run(rc, outDir, force);
        out.println();
        out.println("run folder: " + outcome.runDir());
        return Main.OK;
    }
}
