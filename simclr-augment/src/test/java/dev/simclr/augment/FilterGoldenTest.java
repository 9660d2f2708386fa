package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.GaussianBlur;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterGoldenTest {

    /** (sigma, kernel) pairs of the size-3 kernels in transforms_tensor.json. */
    static List<Arguments> kernels() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Golden.read("transforms_tensor.json").path("gaussian_kernel1d_size3").properties()) {
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        assertFalse(out.isEmpty(), "no gaussian_kernel1d_size3 entries in transforms_tensor.json in " + Golden.dir());
        return out;
    }

    static List<GoldenCase> blurs() {
        return Golden.cases("tf_tensor_misc.json", "gaussian_blur");
    }

    static List<GoldenCase> solarizes() {
        return Golden.cases("tf_tensor_misc.json", "solarize");
    }

    static List<GoldenCase> normalizes() {
        return Golden.cases("tf_tensor_misc.json", "normalize");
    }

    @ParameterizedTest(name = "sigma {0}")
    @MethodSource("kernels")
    void gaussianKernelMatchesTorchvision(String sigma, JsonNode expected) {
        float[] k = new float[expected.size()];
        GaussianBlur.kernel1d(k.length, Double.parseDouble(sigma), k);
        Golden.assertClose(Golden.floats(expected), k, k.length, ErrorBound.gaussianKernel(k.length).own(), "kernel sigma " + sigma);
    }

    /** Our blur, like SimCLR's, takes one kernel size and one sigma for both axes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blurs")
    void gaussianBlurWithReflectPaddingMatchesTorchvision(GoldenCase c) {
        JsonNode size = c.params().get("kernel_size");
        JsonNode sigma = c.params().get("sigma");
        assertEquals(size.get(0).asInt(), size.get(size.size() - 1).asInt(), c + ": kernel is not square");
        assertEquals(sigma.get(0).asDouble(), sigma.get(sigma.size() - 1).asDouble(), c + ": sigma differs per axis");
        int k = size.get(0).asInt();
        FloatImage img = Golden.image();
        GaussianBlur.blur(img.data(), img.channels(), img.height(), img.width(), k, sigma.get(0).asDouble());
        Golden.assertMatches(c, img, ErrorBound.gaussianBlur(k).own());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solarizes")
    void solarizeMatchesTorchvision(GoldenCase c) {
        FloatImage img = Golden.image();
        RandomSolarize.solarize(img.data(), img.shape().size(), c.params().get("threshold").asDouble());
        Golden.assertMatches(c, img, ErrorBound.solarize().own());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalizes")
    void normalizeMatchesTorchvision(GoldenCase c) {
        double[] mean = Golden.doubles(c.params().get("mean"));
        double[] std = Golden.doubles(c.params().get("std"));
        FloatImage img = new Normalize(mean, std).apply(Golden.image(), null);
        Golden.assertMatches(c, img, ErrorBound.normalize(Golden.min(std)).own());
    }
}
