package dev.simclr.eval.report;

import dev.simclr.charts.CurveCharts;
import dev.simclr.charts.TrainingLog;
import dev.simclr.api.EvaluationContext;
import dev.simclr.api.Evaluator;
import dev.simclr.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code report.html}. It shows the results of the evaluators that ran before it, so it
 * belongs last under {@code evaluate:}.
 */
final class RunReport implements Evaluator {

    static final String FILE = "report.html";
    static final String METRICS = "metrics.jsonl";
    static final String LOSS_PNG = "loss.png";
    static final String LR_PNG = "lr.png";
    /** Pictures shown first under "Pictures" and in this order; any other PNG follows by name. */
    private static final List<String> KNOWN = List.of("similarity-grid.png");

    /** Draws a chart, or says there is nothing to draw. */
    @FunctionalInterface
    private interface Chart {
        byte[] draw() throws IOException;
    }

    private final String title;

    RunReport(String title) {
        this.title = title;
    }

    @Override
    public Map<String, Map<String, Object>> evaluate(EvaluationContext ctx) throws Exception {
        Path dir = ctx.runDir();
        Path outDir = ctx.outputDir();
        String subtitle = "Run folder " + dir.toAbsolutePath().getFileName() + ", written "
                + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        ReportPage page = new ReportPage(title, subtitle).results(ctx.results()).config(ctx.resolvedConfig());
        // the training stage draws loss.png and lr.png from the same log: show those when present
        // and draw from the log only what is missing
        TrainingLog log = TrainingLog.read(dir.resolve(METRICS));
        addCurve(page, dir.resolve(LOSS_PNG), () -> CurveCharts.loss(log), "loss");
        addCurve(page, dir.resolve(LR_PNG), () -> CurveCharts.learningRate(log), "learning rate");
        addCurve(page, null, () -> CurveCharts.knn(log), "kNN top-1 on the test split during training");
        if (log.skipped() > 0) {
            page.curvesNote(log.skipped() + " unreadable line(s) of " + METRICS + " were skipped.");
        }
        for (ReportSections.Section section : ReportSections.ALL) {
            List<ReportPage.Picture> shown = new ArrayList<>();
            for (String file : section.files()) {
                Path png = outDir.resolve(file);
                if (Files.isRegularFile(png)) {
                    shown.add(new ReportPage.Picture(file, Files.readAllBytes(png)));
                }
            }
            page.section(section, shown);
        }
        for (Path png : pictures(outDir)) {
            page.picture(new ReportPage.Picture(png.getFileName().toString(), Files.readAllBytes(png)));
        }
        AtomicFiles.writeString(outDir.resolve(FILE), page.render());
        ctx.log("report: " + outDir.resolve(FILE));
        return Map.of();
    }

    private static void addCurve(ReportPage page, Path drawn, Chart fromLog, String caption) throws IOException {
        if (drawn != null && Files.isRegularFile(drawn)) {
            page.curve(new ReportPage.Picture(caption + " (" + drawn.getFileName() + ")", Files.readAllBytes(drawn)));
            return;
        }
        byte[] png = fromLog.draw();
        if (png != null) {
            page.curve(new ReportPage.Picture(caption + " (from " + METRICS + ")", png));
        }
    }

    /** PNGs of the run folder other than the training curves and those of a section. */
    private static List<Path> pictures(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
                    .filter(p -> !p.getFileName().toString().equals(LOSS_PNG) && !p.getFileName().toString().equals(LR_PNG))
                    .filter(p -> !ReportSections.shows(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .forEach(found::add);
        }
        found.sort(Comparator.comparingInt((Path p) -> {
            int i = KNOWN.indexOf(p.getFileName().toString());
            return i < 0 ? KNOWN.size() : i;
        }).thenComparing(p -> p.getFileName().toString()));
        return found;
    }
}
