package dev.simclr.train.pretrain;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop pre-training at the next step boundary, after writing a checkpoint (Ctrl-C,
 * SIGTERM). Whoever asks may wait, for a bounded time, until the run says it has stopped.
 */
public final class StopSignal {

    private volatile boolean requested;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks the loop to checkpoint and stop at the next step boundary. */
    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    /** Called by the run once it has stopped (checkpoint written) or finished in any other way. */
    public void acknowledge() {
        stopped.countDown();
    }

    /** Waits until {@link #acknowledge()}; false when the wait timed out. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
