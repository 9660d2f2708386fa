package dev.simclr.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Augmentation;
import dev.simclr.api.AugmentationProvider;
import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.Hue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private static Map<String, AugmentationProvider> providers() {
        Map<String, AugmentationProvider> m = new TreeMap<>();
        for (AugmentationProvider p : ServiceLoader.load(AugmentationProvider.class)) {
            m.put(p.name(), p);
        }
        return m;
    }

    /** Params with every declared default, then the given overrides. */
    private static Augmentation create(String name, Object... overrides) {
        AugmentationProvider p = providers().get(name);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param d : p.parameters()) {
            values.put(d.name(), d.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return p.create(Params.of("augment[0]." + name, values));
    }

    @Test
    void everyOperatorIsFoundByServiceLoaderWithDocumentedParameters() {
        Map<String, AugmentationProvider> m = providers();
        assertEquals(java.util.Set.of("random-resized-crop", "horizontal-flip", "color-jitter", "grayscale",
                "gaussian-blur", "solarize", "normalize", "simclr"), m.keySet());
        for (AugmentationProvider p : m.values()) {
            assertTrue(!p.description().isBlank(), p.name());
            for (Param d : p.parameters()) {
                assertTrue(d.name().matches("[a-z]+(-[a-z]+)*"), "kebab-case " + d.name());
                assertTrue(!d.description().isBlank(), p.name() + "." + d.name());
                create(p.name()); // defaults alone make a working operator
            }
        }
    }

    @Test
    void outputShapesFollowEachOperator() {
        ImageShape rgb = new ImageShape(3, 40, 30);
        assertEquals(new ImageShape(3, 24, 24), create("random-resized-crop", "size", 24).outputShape(rgb));
        for (String name : new String[] {"horizontal-flip", "color-jitter", "grayscale", "gaussian-blur", "solarize", "normalize"}) {
            assertEquals(rgb, create(name).outputShape(rgb), name);
        }
        assertEquals(new ImageShape(1, 32, 32), create("simclr").outputShape(new ImageShape(1, 28, 28)));
        assertThrows(IllegalArgumentException.class,
                () -> create("normalize", "mean", java.util.List.of(0.1, 0.2)).outputShape(rgb));
    }

    @Test
    void evaluationFormsAreDeterministicResizeAndNormalizeOnly() {
        Augmentation nz = create("normalize");
        assertSame(nz, nz.evaluationForm());
        assertInstanceOf(Resize.class, create("random-resized-crop").evaluationForm());
        for (String name : new String[] {"horizontal-flip", "color-jitter", "grayscale", "gaussian-blur", "solarize"}) {
            assertNull(create(name).evaluationForm(), name);
        }
        Compose eval = (Compose) create("simclr", "blur", true).evaluationForm();
        assertEquals(2, eval.members().size());
        assertInstanceOf(Resize.class, eval.members().get(0));
        assertInstanceOf(Normalize.class, eval.members().get(1));
    }

    @Test
    void resizeEvaluationFormScalesTheShortSideAndCropsTheCentre() {
        // a 2x4 image with distinct columns: resize to short side 2 keeps it, centre crop takes columns 1..2
        float[] d = {0, 1, 2, 3, 4, 5, 6, 7};
        FloatImage img = new FloatImage(new ImageShape(1, 2, 4), d);
        FloatImage out = new Resize(2, false).apply(img, null);
        assertArrayEquals(new float[] {1, 2, 5, 6}, out.data());
    }

    @Test
    void simclrPresetComposesThePaperPipelineInOrder() {
        Compose c = (Compose) create("simclr", "size", 224, "blur", true);
        assertEquals(6, c.members().size());
        assertInstanceOf(RandomResizedCrop.class, c.members().get(0));
        assertInstanceOf(RandomHorizontalFlip.class, c.members().get(1));
        assertInstanceOf(ColorJitter.class, c.members().get(2));
        assertInstanceOf(RandomGrayscale.class, c.members().get(3));
        assertInstanceOf(RandomGaussianBlur.class, c.members().get(4));
        assertInstanceOf(Normalize.class, c.members().get(5));
        assertTrue(c.members().get(4).toString().contains("kernel-size=23"), "10% of 224, made odd");
        assertTrue(c.members().get(2).toString().contains("p=0.8"));
        assertEquals(5, ((Compose) create("simclr")).members().size(), "no blur by default");
    }

    @Test
    void invalidSettingsAreRefusedWithTheirYamlPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create("gaussian-blur", "kernel-size", 4));
        assertTrue(e.getMessage().startsWith("augment[0].gaussian-blur"), e.getMessage());
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> create("random-resized-crop", "scale", java.util.List.of(0.9, 0.1)));
    }

    @Test
    void oneChannelImagesFollowTorchvisionTensorRules() {
        float[] gray = {0.1f, 0.4f, 0.7f, 0.9f};
        float[] x = gray.clone();
        ColorOps.adjustSaturation(x, 1, 4, 0.3);
        Hue.adjustHue(x, 1, 4, 0.2);
        ColorOps.grayscaleKeepChannels(x, 1, 4);
        assertArrayEquals(gray, x, "saturation, hue and grayscale leave one channel unchanged");
        ColorOps.adjustContrast(x, 1, 4, 0.5);
        // mean of the image itself is 0.525
        assertEquals(0.5f * 0.1f + 0.5f * 0.525f, x[0], 1e-7);
        float[] four = new float[8];
        assertThrows(IllegalArgumentException.class, () -> ColorOps.adjustContrast(four, 2, 4, 0.5));
        FloatImage fm = new FloatImage(new ImageShape(1, 28, 28));
        FloatImage out = ((Compose) create("simclr", "size", 28, "blur", true)).apply(fm, new SplittableRandom(1));
        assertEquals(new ImageShape(1, 28, 28), out.shape());
    }
}
