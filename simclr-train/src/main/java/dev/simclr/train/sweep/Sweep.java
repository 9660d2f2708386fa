package dev.simclr.train.sweep;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.run.RunFolder;
import dev.simclr.train.run.RunLock;
import dev.simclr.train.run.RunOrchestrator;
import dev.simclr.train.run.RunOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs every combination of a grid, one after another, each a normal run folder inside one sweep
 * folder, then writes the comparison. The same command continues a sweep: a run recorded as
 * finished is skipped, one with a checkpoint is resumed, one stopped before its first checkpoint
 * starts again. Every run's config is validated before the first one starts, and the sweep folder
 * is locked ({@link RunLock}) so two sweeps never share it.
 */
public final class Sweep {

    /** What the sweep does with a run. */
    public enum Action { RUN, RESUME, RESTART, SKIP }

    /** A run of the plan: its settings and folder, its validated config and what will be done. */
    public record Planned(SweepPoint point, Path dir, RunConfig config, Action action) {}

    private final RunOrchestrator orchestrator;
    private final PrintStream out;

    public Sweep(RunOrchestrator orchestrator, PrintStream out) {
        this.orchestrator = orchestrator;
        this.out = out;
    }

    /**
     * Validates every run and decides what to do with each.
     *
     * @param treeFor the run file's tree with the given extra {@code --set} overrides applied
     */
    public List<Planned> plan(SweepGrid grid, Path sweepDir, Function<List<String>, Map<String, Object>> treeFor) throws IOException {
        SweepState state = SweepState.open(sweepDir, grid);
        List<Planned> plan = new ArrayList<>();
        for (SweepPoint p : SweepPoint.of(grid)) {
            RunConfig config = orchestrator.validate(treeFor.apply(p.overrides()));
            Path dir = sweepDir.resolve(p.name());
            plan.add(new Planned(p, dir, config, action(state, p, dir)));
        }
        return plan;
    }

    private static Action action(SweepState state, SweepPoint p, Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            return Action.RUN; // a folder that is not a run folder is refused by the run itself, with its message
        }
        if (state.finished(p.name())) {
            return Action.SKIP;
        }
        Path checkpoints = dir.resolve(RunFolder.CHECKPOINTS);
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> s = Files.list(checkpoints)) {
                if (s.findAny().isPresent()) {
                    return Action.RESUME;
                }
            }
        }
        return Action.RESTART;
    }

    /** Runs the plan; returns false when a run was stopped (the sweep stops with it). */
    public boolean run(SweepGrid grid, Path sweepDir, List<Planned> plan) throws IOException, InterruptedException {
        try (RunLock lock = RunLock.acquire(sweepDir)) {
            SweepState state = SweepState.open(sweepDir, grid);
            int i = 0;
            for (Planned p : plan) {
                i++;
                out.printf("%nsweep run %d of %d: %s (%s)%n", i, plan.size(), p.point().name(), describe(p));
                if (p.action() == Action.SKIP) {
                    continue;
                }
                long start = System.nanoTime();
                try {
                    RunOutcome outcome = p.action() == Action.RESUME
                            ? orchestrator.resume(p.dir(), List.of())
                            : orchestrator.run(p.config(), p.dir(), p.action() == Action.RESTART);
                    boolean stopped = outcome.pretrain() != null && outcome.pretrain().stopped();
                    state.record(p.point(), stopped ? SweepState.Status.STOPPED : SweepState.Status.FINISHED, seconds(start), null);
                    if (stopped) {
                        out.println("sweep stopped; the same command continues it from this run.");
                        return false;
                    }
                } catch (RuntimeException e) {
                    // one run failing (a diverged setting, say) does not cost the others; the comparison shows it
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    state.record(p.point(), SweepState.Status.FAILED, seconds(start), why);
                    out.println("sweep run " + p.point().name() + " failed: " + why);
                }
            }
            return true;
        }
    }

    /** One line per run of the plan: what will be done. */
    public static String describe(Planned p) {
        String settings = String.join(", ", p.point().overrides());
        return switch (p.action()) {
            case RUN -> "new; " + settings;
            case RESUME -> "resumes from its newest checkpoint; " + settings;
            case RESTART -> "stopped before its first checkpoint, starts again; " + settings;
            case SKIP -> "finished, skipped; " + settings;
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
