package dev.simclr.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingStep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code checkpoints/} folder of a run. Each checkpoint is written to a temporary file and
 * renamed into place, so a crash (even SIGKILL) leaves either the whole checkpoint or none; only
 * the newest {@code keep} are kept, and a checkpoint is written only when every parameter is
 * finite, so the ones kept are always good ones to resume from.
 */
public final class CheckpointStore {

    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");

    private final Path dir;
    private final int keep;

    /**
     * @param dir the checkpoints folder (made on the first save)
     * @param keep how many of the newest checkpoints to keep, at least 1
     */
    public CheckpointStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("train.keep-checkpoints must be at least 1, was " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    /** The file of the checkpoint after {@code globalStep} steps. */
    public Path fileFor(long globalStep) {
        return dir.resolve(String.format("step-%08d.ckpt", globalStep));
    }

    /**
     * Writes a checkpoint of the network, the optimizer and the position, then removes all but
     * the newest {@code keep}.
     *
     * @throws NonFiniteParametersException when a parameter holds NaN or infinity (nothing is written)
     */
    public Checkpoint save(TrainingStep step, TrainingState state) throws IOException {
        StepState current = step.state();
        String bad = firstNonFinite(current.parameters());
        if (bad != null) {
            throw new NonFiniteParametersException(bad);
        }
        Path file = fileFor(state.globalStep());
        CheckpointFile.write(file, current, state);
        List<Checkpoint> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i).file());
        }
        return new Checkpoint(file, state.globalStep());
    }

    /** The checkpoints in the folder, oldest first; temporary files of an interrupted write are ignored. */
    public List<Checkpoint> list() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    out.add(new Checkpoint(p, Long.parseLong(m.group(1))));
                }
            });
        }
        out.sort(Comparator.comparingLong(Checkpoint::globalStep));
        return out;
    }

    /** The newest checkpoint, if any. */
    public Optional<Checkpoint> latest() throws IOException {
        List<Checkpoint> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The newest checkpoint that reads back whole and matches its checksums. A damaged one (cut
     * short, bytes flipped) is said so on {@code log}, renamed to {@code <name>.damaged} (kept to look
     * at, no longer listed) and the one before it is tried.
     */
    public Optional<Checkpoint> latestIntact(PrintStream log) throws IOException {
        List<Checkpoint> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            Checkpoint c = all.get(i);
            try {
                CheckpointFile.verify(c.file());
                return Optional.of(c);
            } catch (IOException damaged) {
                Path aside = c.file().resolveSibling(c.file().getFileName() + ".damaged");
                Files.move(c.file(), aside, StandardCopyOption.REPLACE_EXISTING);
                log.println("checkpoint " + c.displayName() + " is damaged and is not used (" + damaged.getMessage() + "); moved to "
                        + aside.getFileName() + (i > 0 ? "; resuming from the one before it, " + all.get(i - 1).displayName() : ""));
            }
        }
        return Optional.empty();
    }

    /** The position and sums stored in a checkpoint, without loading its arrays. */
    public static TrainingState readState(Checkpoint checkpoint) throws IOException {
        return CheckpointFile.readHeader(checkpoint.file()).state();
    }

    /**
     * Loads a checkpoint into a training step made from the same config (same network, a fresh
     * optimizer of the same kind); returns where the run stood.
     */
    public static TrainingState restore(Checkpoint checkpoint, TrainingStep step) throws IOException {
        return CheckpointFile.restore(checkpoint.file(), step);
    }

    /** The name of the first parameter holding NaN or infinity, or null when all are finite. */
    static String firstNonFinite(Map<String, NDArray> parameters) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
                NDArray a = p.getValue();
                if (a.isNaN().any().getBoolean() || a.isInfinite().any().getBoolean()) {
                    return p.getKey();
                }
            }
        }
        return null;
    }

    /** A checkpoint was refused because the parameters are no longer finite (the run diverged). */
    public static final class NonFiniteParametersException extends IllegalStateException {
        private final String parameter;

        NonFiniteParametersException(String parameter) {
            super("parameter '" + parameter + "' holds NaN or infinity; no checkpoint was written");
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
