package dev.simclr.train.run;

import dev.simclr.api.io.AtomicFiles;
import dev.simclr.charts.CurveCharts;
import dev.simclr.charts.TrainingLog;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code loss.png} and {@code lr.png} of a run folder, drawn from its {@code metrics.jsonl} with
 * the same reader and charts as the report (for a step logged twice by a resumed run, the later
 * line wins).
 */
public final class TrainingCurves {

    public static final String LOSS = "loss.png";
    public static final String LR = "lr.png";

    private TrainingCurves() {}

    /** Writes both charts into the run folder (each atomically); nothing when no step was logged. */
    public static void write(Path runDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        TrainingLog log = TrainingLog.read(runDir.resolve(RunFolder.METRICS));
        if (log.steps().isEmpty()) {
            return;
        }
        write(runDir.resolve(LOSS), CurveCharts.loss(log));
        write(runDir.resolve(LR), CurveCharts.learningRate(log));
    }

    private static void write(Path file, byte[] png) throws IOException {
        if (png != null) {
            AtomicFiles.write(file, out -> out.write(png));
        }
    }
}
