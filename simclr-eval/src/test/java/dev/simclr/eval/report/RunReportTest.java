package dev.simclr.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.simclr.charts.TrainingLog;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.TestParams;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private static final String METRICS = String.join("\n",
            "{\"type\":\"step\",\"step\":1,\"epoch\":0,\"loss\":6.2,\"lr\":0.1}",
            "{\"type\":\"step\",\"step\":2,\"epoch\":0,\"loss\":5.9}",
            "{\"type\":\"step\",\"step\":3,\"epoch\":1,\"lr\":0.3,\"loss\":5.1}",
            "{\"type\":\"epoch\",\"epoch\":1,\"step\":3,\"loss\":5.7}",
            "{\"type\":\"knn\",\"epoch\":1,\"step\":3,\"top1\":0.41,\"k\":200}",
            "{\"type\":\"resume\",\"step\":2,\"checkpoint\":\"step-2\"}",
            "{\"type\":\"step\",\"step\":3,\"epoch\":1,\"lr\":0.3,\"loss\":4.9}",
            "{\"type\":\"step\",\"step\":4,\"epo", // a half-written last line
            "");

    private FakeContext context() throws Exception {
        Files.writeString(dir.resolve("metrics.jsonl"), METRICS);
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve("projection.png"), png.toByteArray());
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        results.put("linear-probe", Map.of("top1", 0.8123, "top5", 0.99, "epochs", 100));
        results.put("linear-probe@random-init", Map.of("top1", 0.31, "top5", 0.7));
        results.put("knn", Map.of("top1", 0.79, "k", 200));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seed", 42);
        config.put("loss", Map.of("name", "nt-xent", "temperature", 0.5));
        config.put("note", "<script>alert(1)</script>");
        return new FakeContext(dir).results(results).config(config);
    }

    private Path render() throws Exception {
        ReportProvider p = new ReportProvider();
        assertEquals(Map.of(), p.create(TestParams.of(p, Map.of())).evaluate(context()));
        return dir.resolve("report.html");
    }

    @Test
    void pageHoldsResultsCurvesPicturesAndEscapedConfig() throws Exception {
        String html = Files.readString(render());
        assertTrue(html.contains("<table id=\"results\">"));
        for (String row : List.of("<td>linear-probe</td>", "<td>linear-probe@random-init</td>", "<td>knn</td>")) {
            assertTrue(html.contains(row), row);
        }
        assertTrue(html.contains("81.23 %"), "top1 shown in percent");
        // three curves (loss, learning rate, kNN) and the projection picture, all inlined
        Matcher m = Pattern.compile("src=\"data:image/png;base64,").matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
        }
        assertEquals(4, images);
        assertTrue(html.contains("1 unreadable line(s)"));
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>alert"), "config text is escaped");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained");
    }

    @Test
    void trainingLogToleratesMissingFieldsAndBrokenLines() throws Exception {
        Files.writeString(dir.resolve("metrics.jsonl"), METRICS);
        TrainingLog log = TrainingLog.read(dir.resolve("metrics.jsonl"));
        assertEquals(3, log.steps().size());
        assertEquals(4.9, log.steps().get(2).value(), 0.0, "a step logged again after a resume replaces the first");
        assertEquals(1, log.epochs().size());
        assertEquals(0.41, log.knn().get(0).value(), 0.0);
        assertEquals(1, log.skipped());
        assertTrue(Double.isNaN(log.steps().get(1).lr()));
        assertTrue(TrainingLog.read(dir.resolve("absent.jsonl")).isEmpty());
    }

    @Test
    void reportRendersInHeadlessChromiumWithTheResultsTable() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM);
        Path html = render();
        String dom = Files.readString(chromium(html, "--dump-dom"), StandardCharsets.UTF_8);
        assertTrue(dom.contains("<table id=\"results\">"), "results table in the DOM: " + dom.substring(0, Math.min(500, dom.length())));
        for (String row : List.of("linear-probe", "linear-probe@random-init", "knn")) {
            assertTrue(dom.contains("<td>" + row + "</td>"), row);
        }
    }

    @Test
    void neighbourAndMapPicturesHaveSectionsOfTheirOwn() throws Exception {
        FakeContext ctx = context();
        Files.write(dir.resolve("nearest-neighbours.png"), solidPng(0xFF00FF));
        Files.write(dir.resolve("tsne.png"), solidPng(0x0000FF));
        ReportProvider p = new ReportProvider();
        p.create(TestParams.of(p, Map.of())).evaluate(ctx);
        String html = Files.readString(dir.resolve("report.html"));
        String neighbours = section(html, "neighbours");
        assertTrue(neighbours.contains("<figcaption>nearest-neighbours.png</figcaption>"), neighbours);
        String maps = section(html, "maps");
        assertTrue(maps.indexOf("<figcaption>projection.png</figcaption>") < maps.indexOf("<figcaption>tsne.png</figcaption>")
                && maps.contains("<figcaption>projection.png</figcaption>"), "PCA, then t-SNE: " + maps);
        assertEquals(-1, html.indexOf("<h2>Pictures</h2>"), "no picture left over for the general section");
    }

    @Test
    void sectionsShowInAScreenshotOfHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM);
        FakeContext ctx = context();
        Files.write(dir.resolve("nearest-neighbours.png"), solidPng(0xFF00FF));
        ReportProvider p = new ReportProvider();
        p.create(TestParams.of(p, Map.of())).evaluate(ctx);
        Path html = dir.resolve("report.html");
        String dom = Files.readString(chromium(html, "--dump-dom"), StandardCharsets.UTF_8);
        assertTrue(dom.contains("<section id=\"neighbours\">") && dom.contains("<section id=\"maps\">"), "both sections in the DOM");
        Path shot = dir.resolve("screenshot.png");
        chromium(html, "--screenshot=" + shot, "--window-size=1000,4000", "--hide-scrollbars");
        BufferedImage img = ImageIO.read(shot.toFile());
        int magenta = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                magenta += (img.getRGB(x, y) & 0xFFFFFF) == 0xFF00FF ? 1 : 0;
            }
        }
        assertTrue(magenta > 1000, "the neighbour picture (solid magenta) is drawn on the page: " + magenta + " pixels");
    }

    /** Runs headless Chromium on the page with the given output flag; returns where stdout went. */
    private Path chromium(Path html, String... output) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path dump = Files.createTempFile(dir, "chromium", ".out");
        List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(output));
        cmd.add(html.toUri().toString());
        Process proc = new ProcessBuilder(cmd).redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return dump;
    }

    private static String section(String html, String id) {
        int at = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(at >= 0, "section " + id);
        return html.substring(at, html.indexOf("</section>", at));
    }

    private static byte[] solidPng(int rgb) throws Exception {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return png.toByteArray();
    }

    @Test
    void accuraciesShowInPercentAndOtherNumbersToFourDigits() {
        assertEquals("81.23 %", ReportPage.format("top1", 0.8123));
        assertEquals("94.80 %", ReportPage.format("train_top1", 0.948));
        assertEquals("0.1", ReportPage.format("temperature", 0.1));
        assertEquals("92.81", ReportPage.format("seconds", 92.8123));
        assertEquals("200", ReportPage.format("k", 200));
        assertEquals("NaN", ReportPage.format("loss", Double.NaN));
    }

    @Test
    void curvesTheTrainingStageDrewAreShownOnceInsteadOfRedrawn() throws Exception {
        FakeContext ctx = context();
        byte[] marker = Files.readAllBytes(dir.resolve("projection.png"));
        Files.write(dir.resolve("loss.png"), marker);
        ReportProvider p = new ReportProvider();
        p.create(TestParams.of(p, Map.of())).evaluate(ctx);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<figcaption>loss (loss.png)</figcaption>"), "the stage's picture is the loss curve");
        assertTrue(html.contains("learning rate (from metrics.jsonl)"), "what is missing is drawn from the log");
        assertEquals(-1, html.indexOf("<figcaption>loss.png</figcaption>"), "not repeated under Pictures");
    }

    @Test
    void intervalsStandBesideTheirAccuracyAndDifferencesAreListedInPoints() throws Exception {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        Map<String, Object> trained = new LinkedHashMap<>();
        trained.put("top1", 0.85);
        trained.put("top1_ci", List.of(0.8372, 0.8621));
        trained.put("selected", Map.of("weight-decay", 0.001));
        trained.put("differences", Map.of("raw-pixels", Map.of("top1", 0.031, "top1_ci", List.of(0.0152, 0.0467))));
        results.put("linear-probe", trained);
        ReportPage page = new ReportPage("t", "s").results(results);
        String html = page.render();
        assertTrue(html.contains("<td>85.00 % [83.72, 86.21]</td>"), html);
        assertTrue(html.contains("<li>linear-probe: SimCLR - raw pixels: +3.1 points [+1.5, +4.7]</li>"), html);
        assertTrue(html.contains("selected {weight-decay=0.001}"), "the chosen settings are among the other metrics");
        assertTrue(!html.contains("differences {"), "differences are not repeated among the other metrics");
    }
}
