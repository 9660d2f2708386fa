package dev.simclr.train.progress;

import dev.simclr.api.Progress;
import java.io.PrintStream;

/**
 * A progress bar on a terminal (redrawn in place), or plain periodic lines when the output is not
 * a terminal (a log file, CI).
 */
public final class ConsoleProgress implements Progress {

    private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String task;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long done;
    private String status = "";
    private boolean closed;

    public ConsoleProgress(PrintStream out, String task, long total, boolean terminal) {
        this.out = out;
        this.task = task;
        this.total = total;
        this.terminal = terminal;
        this.lastPrint = start;
    }

    /** Whether this process writes to a terminal. */
    public static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void update(long done, String status) {
        this.done = done;
        this.status = status == null ? "" : status;
        long now = System.nanoTime();
        if (now - lastPrint >= (terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS)) {
            lastPrint = now;
            print(false);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            print(true);
        }
    }

    private void print(boolean last) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = "";
        if (!last && done > 0 && total > done) {
            eta = " ETA " + formatSeconds(elapsed * (total - done) / done);
        }
        String counts = total > 0 ? done + "/" + total : Long.toString(done);
        if (terminal) {
            int width = 24;
            int filled = total > 0 ? (int) Math.min(width, width * done / total) : 0;
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            out.print("\r" + task + " [" + bar + "] " + counts + " " + status + eta + " " + formatSeconds(elapsed) + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.println(task + " " + counts + (status.isEmpty() ? "" : " " + status) + eta + (last ? " done in " + formatSeconds(elapsed) : ""));
        }
        out.flush();
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, (t % 3600) / 60)
                : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
