package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineGoldenTest {

    static List<GoldenCase> pipelines() {
        return Golden.cases("tf_tensor_misc.json", "pipeline");
    }

    /**
     * Runs the case's own steps; the tolerance chains each step's float32 bound, so differences that
     * torch's summation order leaves in the contrast mean or the resize grow through the later steps
     * (hue, the division by std) exactly as far as those steps allow.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void deterministicSimclrChainMatchesTorchvisionEndToEnd(GoldenCase c) {
        List<String> steps = new ArrayList<>();
        for (JsonNode s : c.params().get("steps")) {
            steps.add(s.asText());
        }
        GoldenRecipe run = GoldenRecipe.run(Golden.image(), steps);
        Golden.assertMatches(c, run.result(), run.bound());
    }
}
