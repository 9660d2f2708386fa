package dev.simclr.cli;

import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.RunConfig;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.train.run.RunFolder;
import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", description = "Re-run the evaluators of a finished run (no pre-training), optionally on another backend.")
final class EvaluateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "a run folder made by simclr run")
    Path runDir;

    @Option(names = "--backend", paramLabel = "NAME", description = "backend to evaluate on (default: the run's)")
    String backend;

    @Option(names = "--backend-opt", paramLabel = "KEY=VALUE", description = "a setting of that backend, e.g. device=gpu (repeatable)")
    List<String> backendOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunOrchestrator orchestrator = new RunOrchestrator(registry(), out, terminal());
        ComponentConfig override = null;
        if (backend != null || !backendOptions.isEmpty()) {
            Map<String, Object> tree = ConfigLoader.read(RunFolder.existing(runDir).file(RunFolder.CONFIG));
            if (backend != null) {
                tree.put("backend", new java.util.LinkedHashMap<>(Map.of("name", backend)));
            }
            List<String> sets = new ArrayList<>();
            for (String o : backendOptions) {
                sets.add("backend." + o);
            }
            ConfigLoader.applyOverrides(tree, sets);
            RunConfig rc = orchestrator.validate(tree);
            override = rc.backend();
        }
        orchestrator.evaluate(runDir, override);
        return Main.OK;
    }
}
