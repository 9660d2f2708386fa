package dev.simclr.api.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Test seam for {@link AtomicFiles#interceptWrites}: a disk with {@code room} bytes left, failing past them as the operating system does. */
public final class FullDisk extends FilterOutputStream {

    private long room;

    public FullDisk(OutputStream out, long room) {
        super(out);
        this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
        if (room-- <= 0) {
            throw new IOException("No space left on device");
        }
        out.write(b);
    }
}
