package dev.simclr.train.run;

import dev.simclr.api.Features;
import dev.simclr.api.Progress;
import dev.simclr.train.config.ConfigValidator;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.progress.ConsoleProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The entry to a run's use cases: pre-train (fresh or resumed) and evaluate, re-evaluate a
 * finished run, embed a dataset with its encoder, export the encoder. Each use case has its own class; the parts come
 * from the registry (never imported), the trained model from {@link TrainedModels}.
 */
public final class RunOrchestrator {

    private final PluginRegistry registry;
    private final PrintStream out;
    private final boolean terminal;
    private Pretrainer.StepListener observer;

    public RunOrchestrator(PluginRegistry registry, PrintStream out, boolean terminal) {
        this.registry = registry;
        this.out = out;
        this.terminal = terminal;
    }

    /** Validates a raw config tree (after overrides). */
    public RunConfig validate(Map<String, Object> tree) {
        return new ConfigValidator(registry).validate(tree);
    }

    /**
     * What {@link #run} checks before it makes a run folder, beyond the config: starts the backend,
     * opens the data and makes the model, loss and training step once; throws what the run would.
     *
     * @return the backend and data lines the run would print
     */
    public List<String> check(RunConfig config) throws IOException {
        return PretrainStage.check(new Components(registry, config));
    }

    /**
     * Also tells {@code listener} about every step and epoch (after metrics.jsonl has them), for
     * a display or a test that follows the run.
     */
    public RunOrchestrator withStepListener(Pretrainer.StepListener listener) {
        this.observer = listener;
        return this;
    }

    /**
     * Pre-trains and evaluates.
     *
     * @param outDir the run folder to use, or null to choose one from {@code output:}
     * @param force overwrite a non-empty run folder
     */
    public RunOutcome run(RunConfig config, Path outDir, boolean force) throws IOException, InterruptedException {
        return new PretrainStage(out, progress(), observer).start(new Components(registry, config), outDir, force);
    }

    /**
     * Continues a run from its newest checkpoint, with the config in its folder ({@code overrides}
     * as {@code --set} may change it; the folder's config.yaml is updated then). metrics.jsonl is
     * appended to: a {@code "type":"resume"} line marks where, and steps after it replace the
     * same steps logged before it.
     */
    public RunOutcome resume(Path runDir, List<String> overrides) throws IOException, InterruptedException {
        RunFolder folder = RunFolder.existing(runDir);
        try (RunLock lock = RunLock.acquire(runDir)) {
            RunConfig config = loadConfig(folder, overrides == null || overrides.isEmpty() ? null : t -> ConfigLoader.applyOverrides(t, overrides));
            return new PretrainStage(out, progress(), observer).resume(new Components(registry, config), folder, overrides);
        }
    }

    /**
     * Evaluates a finished run again without pre-training; {@code override} (may be null) edits
     * the run's config tree first, e.g. to evaluate on another backend.
     */
    public RunOutcome evaluate(Path runDir, Consumer<Map<String, Object>> override) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        return new Reevaluation(out, progress()).run(new Components(registry, loadConfig(folder, override)), folder);
    }

    /**
     * Encoder features of a dataset under a finished run's encoder: by default the run's test data
     * (or its training data when it has none); {@code override} (may be null) edits the
     * run's config tree first, e.g. another {@code data.test} or backend.
     */
    public Features embed(Path runDir, Consumer<Map<String, Object>> override) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        return new Embedding(progress()).run(new Components(registry, loadConfig(folder, override)), folder);
    }

    /**
     * Writes a finished run's trained encoder to {@code file} as safetensors, under torchvision's
     * names for this project's ResNets; returns the file's metadata.
     */
    public Map<String, String> export(Path runDir, Path file) throws IOException {
        RunFolder folder = RunFolder.existing(runDir);
        return PortableExport.write(new Components(registry, loadConfig(folder, null)), folder, file);
    }

    /** A run folder's config.yaml, edited by {@code override} (may be null), validated. */
    private RunConfig loadConfig(RunFolder folder, Consumer<Map<String, Object>> override) throws IOException {
        Map<String, Object> tree = ConfigLoader.read(folder.file(RunFolder.CONFIG));
        if (override != null) {
            override.accept(tree);
        }
        return validate(tree);
    }

    private BiFunction<String, Long, Progress> progress() {
        return (task, total) -> new ConsoleProgress(out, task, total, terminal);
    }
}
