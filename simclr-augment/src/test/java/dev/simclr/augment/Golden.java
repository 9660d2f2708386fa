package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference values computed with torch 1.13 / torchvision 0.14 (golden/NOTES.md). */
public final class Golden {

    /** Tolerance per pixel we hold ourselves to; the reference's own float32 re-derivation needs 1.3e-6. */
    public static final double TOLERANCE = 2e-6;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    public static Path dir() {
        String d = System.getProperty("simclr.golden.dir");
        assertTrue(d != null, "system property simclr.golden.dir is not set (surefire sets it)");
        return Path.of(d);
    }

    public static JsonNode read(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixed 3x32x32 test image as float32 {@code u8 / 255f}. */
    public static FloatImage image() {
        JsonNode img = read("image.json");
        float[] v = floats(img.get("float32"));
        return new FloatImage(new ImageShape(3, 32, 32), v);
    }

    public static byte[] imageBytes() {
        JsonNode u8 = read("image.json").get("uint8");
        byte[] b = new byte[u8.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) u8.get(i).asInt();
        }
        return b;
    }

    /** Cases of one tensor-path file whose {@code op} matches. */
    public static List<JsonNode> cases(String file, String op) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : read(file).get("cases")) {
            if (c.get("op").asText().equals(op)) {
                out.add(c);
            }
        }
        assertTrue(!out.isEmpty(), "no " + op + " cases in " + file);
        return out;
    }

    public static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            // shortest round-trip decimals of float32: parseFloat gives the exact torch value
            v[i] = Float.parseFloat(array.get(i).asText());
        }
        return v;
    }

    public static ImageShape shape(JsonNode c) {
        JsonNode s = c.get("shape");
        return new ImageShape(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt());
    }

    /** Largest absolute difference; asserts it is within {@link #TOLERANCE}. */
    public static double assertClose(float[] expected, float[] actual, int n, String what) {
        double worst = 0;
        int at = -1;
        for (int i = 0; i < n; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            if (d > worst || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                at = i;
            }
        }
        final int where = at;
        final double w = worst;
        assertTrue(worst <= TOLERANCE, () -> what + ": max |diff| " + w + " at " + where
                + " (expected " + expected[where] + ", got " + actual[where] + ")");
        return worst;
    }

    public static void assertSameLength(float[] expected, int n, String what) {
        assertEquals(expected.length, n, what + ": output size");
    }
}
