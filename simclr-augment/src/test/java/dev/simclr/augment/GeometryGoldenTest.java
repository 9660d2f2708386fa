package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.Resample;
import org.junit.jupiter.api.Test;

class GeometryGoldenTest {

    @Test
    void resizedCropMatchesTorchvisionWithAndWithoutAntialias() {
        for (JsonNode c : Golden.cases("tf_tensor_resized_crop.json", "resized_crop")) {
            JsonNode p = c.get("params");
            ImageShape out = Golden.shape(c);
            float[] dst = new float[out.size()];
            Resample.resizedCrop(Golden.image().data(), 3, 32, 32, p.get("top").asInt(), p.get("left").asInt(),
                    p.get("height").asInt(), p.get("width").asInt(), out.height(), out.width(),
                    p.get("antialias").asBoolean(), dst);
            Golden.assertClose(Golden.floats(c.get("output")), dst, dst.length, "resized_crop " + p);
        }
    }

    @Test
    void randomResizedCropCoreMatchesTorchvisionGivenTheBox() {
        JsonNode c = Golden.cases("tf_tensor_resized_crop.json", "resized_crop").get(4);
        JsonNode p = c.get("params");
        RandomResizedCrop rrc = new RandomResizedCrop(32, 0.08, 1.0, 0.75, 4.0 / 3.0, false);
        FloatImage r = rrc.crop(Golden.image(),
                new CropBox(p.get("top").asInt(), p.get("left").asInt(), p.get("height").asInt(), p.get("width").asInt()),
                new float[3072]);
        Golden.assertClose(Golden.floats(c.get("output")), r.data(), 3072, "random-resized-crop core " + p);
    }

    @Test
    void horizontalFlipMatchesTorchvision() {
        JsonNode c = Golden.cases("tf_tensor_misc.json", "hflip").get(0);
        FloatImage img = Golden.image();
        RandomHorizontalFlip.flip(img);
        Golden.assertClose(Golden.floats(c.get("output")), img.data(), 3072, "hflip");
    }
}
