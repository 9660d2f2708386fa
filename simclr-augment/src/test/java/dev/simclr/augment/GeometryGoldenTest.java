package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.Resample;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeometryGoldenTest {

    static List<GoldenCase> resizedCrops() {
        return Golden.cases("tf_tensor_resized_crop.json", "resized_crop");
    }

    /** RandomResizedCrop takes one size, so its core is checked on the square outputs. */
    static List<GoldenCase> squareResizedCrops() {
        List<GoldenCase> square = resizedCrops().stream()
                .filter(c -> Golden.shape(c.json()).height() == Golden.shape(c.json()).width()).toList();
        assertFalse(square.isEmpty(), "no resized_crop case with a square output in " + Golden.dir());
        return square;
    }

    static List<GoldenCase> flips() {
        return Golden.cases("tf_tensor_misc.json", "hflip");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resizedCrops")
    void resizedCropMatchesTorchvision(GoldenCase c) {
        JsonNode p = c.params();
        CropBox box = box(p);
        FloatImage in = Golden.image();
        ImageShape out = Golden.shape(c.json());
        float[] dst = new float[out.size()];
        Resample.resizedCrop(in.data(), in.channels(), in.height(), in.width(), box.top(), box.left(),
                box.height(), box.width(), out.height(), out.width(), p.get("antialias").asBoolean(), dst);
        Golden.assertMatches(c, new FloatImage(out, dst), bound(box, out, p.get("antialias").asBoolean()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("squareResizedCrops")
    void randomResizedCropCoreMatchesTorchvisionGivenTheBox(GoldenCase c) {
        JsonNode p = c.params();
        ImageShape out = Golden.shape(c.json());
        boolean antialias = p.get("antialias").asBoolean();
        RandomResizedCrop rrc = new RandomResizedCrop(out.height(), 0.08, 1.0, 0.75, 4.0 / 3.0, antialias);
        FloatImage r = rrc.crop(Golden.image(), box(p), new float[out.size()]);
        Golden.assertMatches(c, r, bound(box(p), out, antialias));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flips")
    void horizontalFlipMatchesTorchvision(GoldenCase c) {
        FloatImage img = Golden.image();
        RandomHorizontalFlip.flip(img);
        Golden.assertMatches(c, img, ErrorBound.hflip().own());
    }

    private static CropBox box(JsonNode p) {
        return new CropBox(p.get("top").asInt(), p.get("left").asInt(), p.get("height").asInt(), p.get("width").asInt());
    }

    private static double bound(CropBox box, ImageShape out, boolean antialias) {
        return ErrorBound.resizedCrop(box.height(), box.width(), out.height(), out.width(), antialias).own();
    }
}
