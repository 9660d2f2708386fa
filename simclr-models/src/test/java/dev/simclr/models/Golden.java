package dev.simclr.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The entries of one section of models.json; fails when it has none. */
    static List<Map.Entry<String, JsonNode>> entries(String section) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>(models().path(section).properties());
        if (out.isEmpty()) {
            throw new IllegalStateException("models.json in " + System.getProperty("simclr.golden.dir")
                    + " has no entries under '" + section + "'");
        }
        return out;
    }

    /** A JSON array of integers, e.g. a shape. */
    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
