package dev.simclr.api;

/**
 * Progress of one long task (a bar on a terminal, periodic lines otherwise). Implementations are
 * thread-safe.
 */
public interface Progress extends AutoCloseable {

    /** Sets how many units are done, with an optional short status (may be null). */
    void update(long done, String status);

    /** Marks the task finished. */
    @Override
    void close();

    /** A progress that shows nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void update(long done, String status) {}

            @Override
            public void close() {}
        };
    }
}
