package dev.simclr.models.portable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.simclr.models.ResNet;
import dev.simclr.models.ResNetDepth;
import dev.simclr.models.Stem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderExportTest {

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Block resnet18(Stem stem, double width, int channels) {
        Block b = ResNet.builder().depth(ResNetDepth.RESNET18).stem(stem).width(width).build().block();
        b.initialize(manager, DataType.FLOAT32, new Shape(2, channels, 32, 32));
        return b;
    }

    @Test
    void theFileHoldsEveryParameterUnderItsTorchvisionNameWithItsValues() throws IOException {
        Block b = resnet18(Stem.IMAGENET, 1.0, 3);
        Path f = dir.resolve("e.safetensors");
        Map<String, String> meta = EncoderExport.write(b, "resnet18 {stem=imagenet}", f);

        SafeTensors.Contents c = SafeTensors.read(f);
        TorchvisionNames.Layout layout = TorchvisionNames.of(b).orElseThrow();
        assertEquals(layout.parameters().keySet(), c.tensors().keySet());
        layout.parameters().forEach((name, p) -> assertArrayEquals(p.getArray().toFloatArray(), c.tensors().get(name).values(), name));
        assertEquals("torchvision", c.metadata().get(EncoderExport.NAMES));
        assertEquals("resnet18", c.metadata().get(EncoderExport.ARCHITECTURE));
        assertFalse(meta.containsKey(EncoderExport.CHANGE_FIRST), "torchvision's own ImageNet stem needs no change");
    }

    @Test
    void theCifarStemSaysToReplaceConv1AndTheMaxPoolFirst() throws IOException {
        Map<String, String> meta = EncoderExport.write(resnet18(Stem.CIFAR, 1.0, 3), "resnet18", dir.resolve("c.safetensors"));
        assertEquals("model.conv1 = torch.nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False);"
                + " model.maxpool = torch.nn.Identity()", meta.get(EncoderExport.CHANGE_FIRST));
    }

    @Test
    void grayscaleInputAndAQuarterWidthAreStatedInTheMetadata() throws IOException {
        Map<String, String> meta = EncoderExport.write(resnet18(Stem.IMAGENET, 0.25, 1), "resnet18", dir.resolve("g.safetensors"));
        assertEquals("model.conv1 = torch.nn.Conv2d(1, 16, kernel_size=7, stride=2, padding=3, bias=False)",
                meta.get(EncoderExport.CHANGE_FIRST));
        assertTrue(meta.get(EncoderExport.NOTE).contains("16/64"), meta.get(EncoderExport.NOTE));
    }

    @Test
    void anEncoderThatIsNotOurResNetKeepsItsDjlNamesWithANote() throws IOException {
        Block plugin = new SequentialBlock().add(Linear.builder().setUnits(4).build());
        plugin.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
        Path f = dir.resolve("p.safetensors");
        Map<String, String> meta = EncoderExport.write(plugin, "my-encoder", f);

        assertEquals("djl", meta.get(EncoderExport.NAMES));
        assertTrue(meta.get(EncoderExport.NOTE).contains("DJL parameter names"));
        assertEquals(plugin.getParameters().keys(), java.util.List.copyOf(SafeTensors.read(f).tensors().keySet()));
    }
}
