package dev.simclr.train.pretrain;

import dev.simclr.train.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * {@code metrics.jsonl}: one JSON object per line, appended and flushed as the run goes (a crash
 * loses at most the line being written). Step lines have {@code "type":"step"}, epoch lines
 * {@code "type":"epoch"}.
 */
public final class MetricsLog implements AutoCloseable {

    private final BufferedWriter out;

    public MetricsLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public synchronized void write(Map<String, Object> line) {
        try {
            out.write(Json.line(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to metrics.jsonl", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
