package dev.simclr.train.run;

import dev.simclr.train.pretrain.StopSignal;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Ctrl-C (SIGINT) or SIGTERM during pre-training: a JVM shutdown hook asks the loop to write a
 * checkpoint at the next step boundary and waits for it, at most {@link #WAIT}, before the JVM
 * exits. Installed for the time of pre-training only.
 */
final class GracefulStop implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(120);

    private final StopSignal signal = new StopSignal();
    private final Thread hook;
    private boolean installed;

    GracefulStop(PrintStream out) {
        this.hook = new Thread(() -> {
            signal.request();
            out.println();
            out.println("stopping: writing a checkpoint at the end of the current step (waiting up to " + WAIT.toSeconds() + " s)");
            out.flush();
            try {
                if (!signal.awaitStopped(WAIT)) {
                    out.println("no checkpoint after " + WAIT.toSeconds() + " s; exiting without one");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simclr-graceful-stop");
    }

    GracefulStop install() {
        Runtime.getRuntime().addShutdownHook(hook);
        installed = true;
        return this;
    }

    StopSignal signal() {
        return signal;
    }

    /** Lets a waiting hook go, and removes it when the JVM is not already shutting down. */
    @Override
    public void close() {
        signal.acknowledge();
        if (installed) {
            installed = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the signal is acknowledged
            }
        }
    }
}
