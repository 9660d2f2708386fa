package dev.simclr.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reference values computed with torchvision (see golden/NOTES.md). */
final class Golden {

    private Golden() {}

    static JsonNode models() {
        String dir = System.getProperty("simclr.golden.dir");
        if (dir == null) {
            throw new IllegalStateException("system property simclr.golden.dir is not set (the build sets it)");
        }
        try {
            return new ObjectMapper().readTree(Files.readString(Path.of(dir, "models.json")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read models.json in " + dir, e);
        }
    }
}
