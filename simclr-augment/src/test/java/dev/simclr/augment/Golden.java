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
import java.util.function.IntFunction;

/**
 * Reads the reference values computed with torch 1.13 / torchvision 0.14 (golden/NOTES.md) from the
 * folder named by the system property {@code simclr.golden.dir}. Every shape, parameter and recipe
 * comes from the files, so a set regenerated with other seeds, parameters and image sizes is read
 * the same way.
 */
public final class Golden {

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
            throw new UncheckedIOException("cannot read reference file " + dir().resolve(file), e);
        }
    }

    /** The reference image as float32 {@code u8 / 255f}, in the shape image.json declares. */
    public static FloatImage image() {
        JsonNode img = read("image.json");
        return new FloatImage(shape(img), floats(img.get("float32")));
    }

    /** Every case of one tensor-path file whose {@code op} matches; fails when there is none. */
    public static List<GoldenCase> cases(String file, String op) {
        List<GoldenCase> out = new ArrayList<>();
        int index = 0;
        for (JsonNode c : read(file).path("cases")) {
            if (c.path("op").asText().equals(op)) {
                out.add(new GoldenCase(op + " #" + index + " " + c.path("params"), c));
                index++;
            }
        }
        assertTrue(!out.isEmpty(), "no " + op + " cases in " + dir().resolve(file));
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

    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    public static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** A CHW {@code shape} entry; a 2-entry shape is one channel. */
    public static ImageShape shape(JsonNode node) {
        JsonNode s = node.get("shape");
        return s.size() == 2 ? new ImageShape(1, s.get(0).asInt(), s.get(1).asInt())
                : new ImageShape(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt());
    }

    /**
     * Asserts that {@code actual} is the case's output in its shape, each value within
     * {@code tolerance}; returns the largest difference.
     */
    public static double assertMatches(GoldenCase c, FloatImage actual, double tolerance) {
        assertEquals(shape(c.json()), actual.shape(), c + ": output shape");
        ImageShape shape = actual.shape();
        double worst = assertClose(floats(c.json().get("output")), actual.data(), shape.size(), tolerance, c.toString(),
                i -> "(c " + i / shape.pixels() + ", y " + i % shape.pixels() / shape.width() + ", x " + i % shape.width() + ")");
        if (Boolean.getBoolean("simclr.golden.verbose")) {
            System.out.printf("%s: max |diff| %.3g, bound %.3g%n", c, worst, tolerance);
        }
        return worst;
    }

    /** Largest absolute difference over the first {@code n} values; asserts it is within {@code tolerance}. */
    public static double assertClose(float[] expected, float[] actual, int n, double tolerance, String what) {
        return assertClose(expected, actual, n, tolerance, what, i -> "index " + i);
    }

    private static double assertClose(float[] expected, float[] actual, int n, double tolerance, String what,
                                      IntFunction<String> locate) {
        assertEquals(expected.length, n, what + ": number of values");
        double worst = 0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            if (d > worst || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                at = i;
            }
        }
        final int where = at;
        final double w = worst;
        assertTrue(worst <= tolerance, () -> what + ": max |diff| " + w + " at " + locate.apply(where) + " (expected "
                + expected[where] + ", got " + actual[where] + "), tolerance " + tolerance);
        return worst;
    }
}
