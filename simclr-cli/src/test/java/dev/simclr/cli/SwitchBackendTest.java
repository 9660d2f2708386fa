package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simclr init}'s output changes engine by its {@code backend.name} line alone, with
 * {@code --set} or in the file, and the run then pre-trains on either engine; tensorflow also
 * evaluates the pytorch run when that run's own config is switched.
 */
class SwitchBackendTest {

    /** The same shrinking for every run (data, model and steps), so that each one takes seconds. */
    private static final List<String> TINY = List.of(
            "data.train.per-class=6", "data.test.per-class=4", "model.encoder.width=0.0625", "train.epochs=1",
            "train.batch-size=16", "train.max-steps=1", "evaluate=[{knn: {k: 5}}]");

    @Test
    void setNameAloneSwitchesEngines(@TempDir Path dir) throws IOException {
        Path file = init(dir);
        CliRunner pytorch = run(file, dir.resolve("pt"), "backend.name=pytorch");
        assertEquals(0, pytorch.exitCode(), pytorch.toString());
        assertTrue(Files.readString(dir.resolve("pt/config.yaml")).contains("name: pytorch"));

        CliRunner tensorflow = run(file, dir.resolve("tf"), "backend.name=tensorflow");
        assertTrainedOnTensorFlow(tensorflow, dir.resolve("tf"));
    }

    @Test
    void editingTheNameLineAloneSwitchesEngines(@TempDir Path dir) throws IOException {
        Path file = init(dir);
        String text = Files.readString(file);
        String nameLine = text.lines().filter(l -> l.startsWith("  name: pytorch")).findFirst().orElseThrow();
        Path edited = dir.resolve("tensorflow.yaml");
        Files.writeString(edited, text.replace(nameLine, nameLine.replace("pytorch", "tensorflow")));
        assertEquals(1, diffLines(text, Files.readString(edited)), "one line changed");

        assertTrainedOnTensorFlow(run(edited, dir.resolve("tf")), dir.resolve("tf"));
        CliRunner pytorch = run(file, dir.resolve("pt"));
        assertEquals(0, pytorch.exitCode(), pytorch.toString());
    }

    @Test
    void aPyTorchRunFolderEvaluatesOnTensorFlowByItsNameAlone(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("pt");
        CliRunner pytorch = run(init(dir), run);
        assertEquals(0, pytorch.exitCode(), pytorch.toString());
        String written = Files.readString(run.resolve("config.yaml"));
        assertTrue(written.contains("interop-threads"), "the run folder records every shared setting:\n" + written);

        CliRunner eval = CliRunner.run("evaluate", run.toString(), "--backend-opt", "name=tensorflow");
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains("re-evaluating") && eval.out().contains("tensorflow"), eval.toString());
        assertFalse(eval.err().contains("unknown key"), eval.toString());
    }

    private static Path init(Path dir) throws IOException {
        CliRunner init = CliRunner.run("init");
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(init.out().contains("  name: pytorch"), init.out());
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, init.out());
        return file;
    }

    private static CliRunner run(Path file, Path out, String... sets) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        for (String s : TINY) {
            args.add("--set");
            args.add(s);
        }
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** The run pre-trained and evaluated on TensorFlow, as its run folder records. */
    private static void assertTrainedOnTensorFlow(CliRunner r, Path run) throws IOException {
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse((r.out() + r.err()).contains("unknown key"), "the config is accepted:\n" + r);
        assertTrue(r.out().contains("backend:    tensorflow"), r.toString());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("name: tensorflow"));
    }

    private static int diffLines(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int n = 0;
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            n += x.get(i).equals(y.get(i)) ? 0 : 1;
        }
        return n + Math.abs(x.size() - y.size());
    }
}
