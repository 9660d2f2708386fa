package dev.simclr.train.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGTERM or Ctrl-C during evaluation: nothing to save (each evaluator's rows reach
 * {@value RunFolder#RESULTS} atomically as it finishes, and the pre-trained encoder is already
 * saved), so a JVM shutdown hook only says what is kept and how to finish. Installed for the time of
 * the evaluations only.
 */
final class EvaluationStop implements AutoCloseable {

    private final List<String> finished = new ArrayList<>();
    private final Thread hook;
    private boolean installed;

    EvaluationStop(PrintStream out, Path runDir, Path outDir) {
        this.hook = new Thread(() -> {
            out.println();
            out.println(message(runDir, outDir));
            out.flush();
        }, "simclr-evaluation-stop");
    }

    EvaluationStop install() {
        Runtime.getRuntime().addShutdownHook(hook);
        installed = true;
        return this;
    }

    /** Records that an evaluator's rows are in results.json. */
    synchronized void finished(String evaluator) {
        finished.add(evaluator);
    }

    synchronized String message(Path runDir, Path outDir) {
        String kept = finished.isEmpty() ? "no evaluation had finished"
                : outDir.resolve(RunFolder.RESULTS) + " holds the evaluations that finished (" + String.join(", ", finished) + ")";
        return "stopped during evaluation: " + kept + ". The pre-trained encoder is saved; evaluate it again with: simclr evaluate " + runDir;
    }

    @Override
    public void close() {
        if (installed) {
            installed = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }
}
