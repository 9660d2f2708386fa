package dev.simclr.train.run;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Augmentation;
import dev.simclr.api.Backend;
import dev.simclr.api.Progress;
import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.config.ConfigLoader;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Evaluates a finished run again without pre-training (e.g. on another backend), into a new
 * folder {@code evaluations/DATE-TIME-BACKEND}: the run's own results are never overwritten.
 */
final class Reevaluation {

    private final PrintStream out;
    private final BiFunction<String, Long, Progress> progress;

    Reevaluation(PrintStream out, BiFunction<String, Long, Progress> progress) {
        this.out = out;
        this.progress = progress;
    }

    RunOutcome run(Components parts, RunFolder folder) throws IOException {
        TrainedModels.requireTrainedEncoder(folder);
        try (Backend backend = parts.backend()) {
            RunData data = RunData.open(parts);
            List<Augmentation> ops = parts.augmentations();
            Path outDir = newFolder(folder, backend.name());
            AtomicFiles.writeString(outDir.resolve(RunFolder.CONFIG), ConfigLoader.toYaml(parts.config().toTree()));
            out.println("re-evaluating " + folder.dir() + " on " + backend.describe());
            out.println("results go to " + outDir);
            try (NDManager manager = backend.newManager()) {
                SimClrNetwork network = TrainedModels.load(parts, manager, data.train().shape(), ops, folder);
                Map<String, Map<String, Object>> results = new Evaluations(out, progress)
                        .run(parts, backend, manager, network, data, ops, folder, outDir, parts.config().toTree());
                return new RunOutcome(outDir, null, results);
            }
        }
    }

    private static Path newFolder(RunFolder folder, String backend) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path outDir = folder.file(RunFolder.EVALUATIONS).resolve(stamp + "-" + backend);
        for (int i = 2; Files.exists(outDir); i++) {
            outDir = folder.file(RunFolder.EVALUATIONS).resolve(stamp + "-" + backend + "-" + i);
        }
        Files.createDirectories(outDir);
        return outDir;
    }
}
