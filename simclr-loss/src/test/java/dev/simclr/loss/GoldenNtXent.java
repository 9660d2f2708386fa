package dev.simclr.loss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One reference NT-Xent case computed with PyTorch (golden/ntxent_*.json, see golden/NOTES.md): raw
 * projections of B pairs and, for one temperature, the loss and its gradient with respect to the
 * raw projections.
 */
record GoldenNtXent(String name, int batch, int dim, float[] rawFirstViews, float[] rawSecondViews,
        double temperature, float loss, double lossF64, float[] gradFirstViews, float[] gradSecondViews) {

    /** Every case of every file listed in ntxent_index.json. */
    static List<GoldenNtXent> all() {
        ObjectMapper json = new ObjectMapper();
        Path dir = Path.of(System.getProperty("simclr.golden.dir", "golden"));
        List<GoldenNtXent> out = new ArrayList<>();
        try {
            for (JsonNode entry : json.readTree(dir.resolve("ntxent_index.json").toFile()).path("files")) {
                String file = entry.path("file").asText();
                JsonNode group = json.readTree(Files.readString(dir.resolve(file))).path("group");
                for (JsonNode r : group.path("results")) {
                    out.add(new GoldenNtXent(file + " T=" + r.path("temperature").asText(),
                            group.path("batch").asInt(), group.path("dim").asInt(),
                            floats(group.path("z_i_raw")), floats(group.path("z_j_raw")),
                            r.path("temperature").asDouble(), (float) r.path("loss_f32").asDouble(),
                            r.path("loss_f64").asDouble(),
                            floats(r.path("grad_z_i_raw")), floats(r.path("grad_z_j_raw"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NT-Xent reference files in " + dir, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no NT-Xent reference cases found in " + dir);
        }
        return out;
    }

    /** Rows of the first views, then rows of the second views: the loss's input layout. */
    float[] projections() {
        return concat(rawFirstViews, rawSecondViews);
    }

    float[] gradient() {
        return concat(gradFirstViews, gradSecondViews);
    }

    @Override
    public String toString() {
        return name;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The files store float32 values as shortest round-trip decimals. */
    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(array.get(i).asText());
        }
        return out;
    }
}
