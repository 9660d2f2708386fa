package dev.simclr.train.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The folder of one run and the names of what it holds. An existing, non-empty folder is never
 * written over unless the caller asked to ({@code --force}) or resumes it.
 */
public final class RunFolder {

    public static final String CONFIG = "config.yaml";
    public static final String METRICS = "metrics.jsonl";
    public static final String ENCODER = "encoder.params";
    public static final String NETWORK = "network.params";
    /** The encoder as initialised before pre-training: the random-init baseline. */
    public static final String INITIAL_ENCODER = "encoder-init.params";
    /** The trained encoder as safetensors under torchvision's names ({@code output.export: safetensors}). */
    public static final String PORTABLE_ENCODER = "encoder.safetensors";
    public static final String RESULTS = "results.json";
    public static final String CHECKPOINTS = "checkpoints";
    /** Held by the one run writing the folder ({@link RunLock}); not part of the run's results. */
    public static final String LOCK = "run.lock";
    /** Sub-folder of later re-evaluations ({@code simclr evaluate}), one folder each. */
    public static final String EVALUATIONS = "evaluations";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** An existing run folder (for evaluate, embed, resume). */
    public static RunFolder existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run folder not found: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IllegalArgumentException(dir + " is not a run folder (it has no " + CONFIG + ")");
        }
        return new RunFolder(dir);
    }

    /**
     * Chooses the folder for a new run: {@code out} when given, else {@code outputDir/name}, else
     * {@code outputDir/<date-time>}; refuses a non-empty folder unless {@code force}.
     */
    public static Path choose(Path out, String outputDir, String name, boolean force) {
        Path dir;
        if (out != null) {
            dir = out;
        } else if (name != null) {
            dir = Path.of(outputDir).resolve(name);
        } else {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Path.of(outputDir).resolve("run-" + stamp);
            for (int i = 2; Files.exists(dir); i++) {
                dir = Path.of(outputDir).resolve("run-" + stamp + "-" + i);
            }
        }
        if (!force && nonEmpty(dir)) {
            throw new IllegalStateException("the run folder " + dir + " already exists and is not empty; "
                    + "choose another (--out DIR or output.name), resume it (--resume " + dir + "), or overwrite it with --force");
        }
        if (force && nonEmpty(dir) && !Files.isRegularFile(dir.resolve(CONFIG))) {
            // --force replaces an earlier run, never an arbitrary folder
            throw new IllegalStateException(dir + " is not empty and is not a run folder (it has no " + CONFIG
                    + "); --force only overwrites earlier runs. Choose another folder.");
        }
        return dir;
    }

    /**
     * Creates the folder (and clears it when forced: every file of the earlier run is deleted, or this
     * fails). Called with the folder's {@link RunLock} held, it refuses a folder that another run
     * filled since {@link #choose} looked.
     */
    public static RunFolder create(Path dir, boolean force) throws IOException {
        if (!force && nonEmpty(dir)) {
            throw new IllegalStateException("the run folder " + dir + " was filled by another run meanwhile; choose another (--out DIR)");
        }
        if (force && nonEmpty(dir)) {
            if (!Files.isRegularFile(dir.resolve(CONFIG))) {
                throw new IllegalStateException(dir + " is not a run folder (no " + CONFIG + "); refusing to clear it");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir) && !p.equals(dir.resolve(LOCK))).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    private static boolean nonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(LOCK));
        } catch (IOException e) {
            return true;
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }
}
