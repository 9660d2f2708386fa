package dev.simclr.train.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one writer of a run folder: an operating-system lock on {@value RunFolder#LOCK} in it, held
 * while a run or a resume writes there. A second one on the same folder is refused instead of
 * interleaving its steps and checkpoints with the first's. The operating system drops the lock when
 * its process ends, however it ends (SIGKILL included), so a killed run leaves nothing stale to clear.
 * The file stays (deleting it would let two processes lock two different files of one name); it
 * holds the pid and start time of the last holder, for the message.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (creating it), or refuses when another run holds it.
     *
     * @throws IllegalStateException naming the holder when the folder is in use
     */
    public static RunLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(RunFolder.LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new IllegalStateException("the run folder " + dir + " is in use by another run ("
                    + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to end, or choose another folder."
                    + " Two runs writing one folder would mix their steps and checkpoints.");
        }
        String holder = "pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
