package dev.simclr.train.sweep;

import dev.simclr.api.io.AtomicFiles;
import dev.simclr.train.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE} in the sweep folder: the grid, and per run its settings, how it ended and the
 * wall time the sweep spent on it, rewritten atomically after each run. It is what tells a
 * finished run (skipped next time) from one that was interrupted (resumed).
 */
final class SweepState {

    static final String FILE = "sweep.json";

    /** How a run ended. */
    enum Status { FINISHED, STOPPED, FAILED }

    /** One run's record: its settings, status, the sweep's wall time on it and a failure's message (or null). */
    record Entry(Map<String, String> settings, Status status, double seconds, String error) {}

    private final Path file;
    private final List<Map<String, Object>> grid;
    private final Map<String, Entry> runs;

    private SweepState(Path file, List<Map<String, Object>> grid, Map<String, Entry> runs) {
        this.file = file;
        this.grid = grid;
        this.runs = runs;
    }

    /** The state in {@code dir}, or a fresh one for {@code grid}; refuses a folder that holds a sweep over another grid. */
    static SweepState open(Path dir, SweepGrid grid) throws IOException {
        List<Map<String, Object>> axes = grid.axes().stream()
                .map(a -> Map.<String, Object>of("key", a.key(), "values", a.values())).toList();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new SweepState(file, axes, new LinkedHashMap<>());
        }
        Stored stored = Json.mapper().readValue(file.toFile(), Stored.class);
        if (!Json.mapper().valueToTree(axes).equals(Json.mapper().valueToTree(stored.grid()))) {
            throw new IllegalStateException("the sweep folder " + dir + " holds a sweep over another grid (" + file.getFileName() + ": "
                    + Json.line(stored.grid()) + "); give this one its own folder with --out DIR, or repeat that grid to continue it");
        }
        return new SweepState(file, axes, new LinkedHashMap<>(stored.runs()));
    }

    /** What is written: the grid and the runs. */
    private record Stored(List<Map<String, Object>> grid, Map<String, Entry> runs) {}

    Entry entry(String run) {
        return runs.get(run);
    }

    boolean finished(String run) {
        Entry e = runs.get(run);
        return e != null && e.status() == Status.FINISHED;
    }

    /** Records how a run ended, adding {@code seconds} to the time spent on it before, and saves. */
    void record(SweepPoint p, Status status, double seconds, String error) throws IOException {
        Entry before = runs.get(p.name());
        double total = seconds + (before == null ? 0 : before.seconds());
        runs.put(p.name(), new Entry(p.settings(), status, total, error));
        AtomicFiles.writeString(file, Json.pretty(new Stored(grid, runs)));
    }
}
