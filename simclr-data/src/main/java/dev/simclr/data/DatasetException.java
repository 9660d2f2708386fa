package dev.simclr.data;

import java.io.IOException;

/**
 * A dataset's files exist but do not hold what they should (wrong magic number, truncated, label
 * count that does not match, no images). The message names the file and what was expected.
 */
public class DatasetException extends IOException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
