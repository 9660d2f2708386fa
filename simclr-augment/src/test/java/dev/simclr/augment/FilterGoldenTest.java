package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.GaussianBlur;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterGoldenTest {

    @Test
    void gaussianKernelMatchesTorchvisionForEachSigma() {
        JsonNode kernels = Golden.read("transforms_tensor.json").get("gaussian_kernel1d_size3");
        for (Iterator<Map.Entry<String, JsonNode>> it = kernels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            float[] k = new float[3];
            GaussianBlur.kernel1d(3, Double.parseDouble(e.getKey()), k);
            Golden.assertClose(Golden.floats(e.getValue()), k, 3, "kernel sigma " + e.getKey());
        }
    }

    @Test
    void gaussianBlurWithReflectPaddingMatchesTorchvision() {
        for (JsonNode c : Golden.cases("tf_tensor_misc.json", "gaussian_blur")) {
            JsonNode p = c.get("params");
            FloatImage img = Golden.image();
            GaussianBlur.blur(img.data(), 3, 32, 32, p.get("kernel_size").get(0).asInt(), p.get("sigma").get(0).asDouble());
            Golden.assertClose(Golden.floats(c.get("output")), img.data(), 3072, "gaussian_blur " + p);
        }
    }

    @Test
    void solarizeMatchesTorchvision() {
        for (JsonNode c : Golden.cases("tf_tensor_misc.json", "solarize")) {
            FloatImage img = Golden.image();
            RandomSolarize.solarize(img.data(), 3072, c.get("params").get("threshold").asDouble());
            Golden.assertClose(Golden.floats(c.get("output")), img.data(), 3072, "solarize " + c.get("params"));
        }
    }

    @Test
    void normalizeMatchesTorchvision() {
        JsonNode c = Golden.cases("tf_tensor_misc.json", "normalize").get(0);
        JsonNode p = c.get("params");
        double[] mean = new double[3];
        double[] std = new double[3];
        for (int i = 0; i < 3; i++) {
            mean[i] = p.get("mean").get(i).asDouble();
            std[i] = p.get("std").get(i).asDouble();
        }
        FloatImage img = new Normalize(mean, std).apply(Golden.image(), null);
        Golden.assertClose(Golden.floats(c.get("output")), img.data(), 3072, "normalize");
    }
}
