package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simclr.api.FloatImage;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.Hue;
import org.junit.jupiter.api.Test;

class PipelineGoldenTest {

    @Test
    void deterministicSimclrChainMatchesTorchvisionEndToEnd() {
        // resized_crop(4,6,20,24,[32,32]) -> hflip -> contrast 1.4 -> hue 0.1 -> brightness 0.7
        // -> saturation 0.5 -> grayscale(3) -> normalize(ImageNet)
        JsonNode c = Golden.cases("tf_tensor_misc.json", "pipeline").get(0);
        RandomResizedCrop rrc = new RandomResizedCrop(32, 0.08, 1, 0.75, 4.0 / 3, false);
        FloatImage x = rrc.crop(Golden.image(), new CropBox(4, 6, 20, 24), new float[3072]);
        RandomHorizontalFlip.flip(x);
        ColorOps.adjustContrast(x.data(), 3, 1024, 1.4);
        Hue.adjustHue(x.data(), 3, 1024, 0.1);
        ColorOps.adjustBrightness(x.data(), 3, 1024, 0.7);
        ColorOps.adjustSaturation(x.data(), 3, 1024, 0.5);
        ColorOps.grayscaleKeepChannels(x.data(), 3, 1024);
        x = new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}).apply(x, null);
        Golden.assertClose(Golden.floats(c.get("output")), x.data(), 3072, "pipeline");
    }
}
