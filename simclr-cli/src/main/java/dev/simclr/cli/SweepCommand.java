package dev.simclr.cli;

import dev.simclr.train.run.RunOrchestrator;
import dev.simclr.train.sweep.Sweep;
import dev.simclr.train.sweep.SweepComparison;
import dev.simclr.train.sweep.SweepGrid;
import dev.simclr.train.sweep.SweepPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", description = {"Run every combination of a grid of settings, each a run folder inside one sweep folder,"
        + " then compare them (comparison.txt, comparison.json, comparison.html). The same command continues an interrupted sweep:"
        + " finished runs are skipped, an interrupted one resumes.",
    "Example: simclr sweep my-run.yaml --grid loss.temperature=0.1,0.5 --grid augment[0].random-resized-crop.scale=[0.08,1.0],[0.5,1.0]"})
final class SweepCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "run file (YAML); default: the built-in default run")
    Path config;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2", required = true,
            description = "a setting and its values, comma-separated (a list value in brackets); repeatable: every combination runs")
    List<String> grid = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a key in every run, e.g. --set train.epochs=5 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: output.dir/sweep-<name of CONFIG>)")
    Path outDir;

    @Option(names = "--dry-run", description = "list the runs and what would be done with each; run nothing, write nothing")
    boolean dryRun;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepGrid parsed;
        try {
            parsed = SweepGrid.parse(grid);
            SweepPoint.of(parsed); // folder names must differ
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Map<String, Object> base = ConfigSource.load(config, overrides);
        Path dir = outDir != null ? outDir : Path.of(String.valueOf(outputDir(base))).resolve("sweep-" + stem());
        RunOrchestrator orchestrator = new RunOrchestrator(registry(), out, terminal());
        Sweep sweep = new Sweep(orchestrator, out);
        List<Sweep.Planned> plan = sweep.plan(parsed, dir, extra -> {
            List<String> all = new ArrayList<>(overrides);
            all.addAll(extra);
            try {
                return ConfigSource.load(config, all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.println("sweep folder: " + dir + " (" + plan.size() + " runs)");
        for (Sweep.Planned p : plan) {
            out.println("  " + p.point().name() + ": " + Sweep.describe(p));
        }
        if (dryRun) {
            return Main.OK;
        }
        boolean complete = sweep.run(parsed, dir, plan);
        SweepComparison.write(parsed, dir, plan, out);
        return complete ? Main.OK : Main.FAILED;
    }

    private static Object outputDir(Map<String, Object> tree) {
        return tree.get("output") instanceof Map<?, ?> o && o.get("dir") != null ? o.get("dir") : "runs";
    }

    private String stem() {
        if (config == null) {
            return "default";
        }
        String name = config.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
