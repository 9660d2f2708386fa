package dev.simclr.models.portable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.simclr.models.ResNet;
import dev.simclr.models.ResNetDepth;
import dev.simclr.models.Stem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderImportTest {

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

    private Block resnet18(int seed) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
        Block b = ResNet.builder().depth(ResNetDepth.RESNET18).stem(Stem.CIFAR).width(0.25).build().block();
        b.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 16, 16));
        return b;
    }

    @Test
    void anExportLoadedIntoAnotherEncoderGivesItEveryValue() throws IOException {
        Block source = resnet18(1);
        Path f = dir.resolve("e.safetensors");
        EncoderExport.write(source, "resnet18", f);
        Block target = resnet18(2);

        assertEquals(100, EncoderImport.load(target, f));
        Map<String, ai.djl.nn.Parameter> want = TorchvisionNames.of(source).orElseThrow().parameters();
        TorchvisionNames.of(target).orElseThrow().parameters().forEach((name, p) ->
                assertArrayEquals(want.get(name).getArray().toFloatArray(), p.getArray().toFloatArray(), name));
    }

    @Test
    void torchvisionsClassifierAndBatchCountsAreLeftOut() throws IOException {
        Path f = dir.resolve("e.safetensors");
        EncoderExport.write(resnet18(1), "resnet18", f);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafeTensors.read(f).tensors());
        tensors.put("fc.weight", new Tensor(new long[] {10, 128}, new float[1280]));
        tensors.put("fc.bias", new Tensor(new long[] {10}, new float[10]));
        SafeTensors.write(f, Map.of(), tensors);
        assertEquals(100, EncoderImport.load(resnet18(2), f));
    }

    @Test
    void everyMissingExtraAndMisShapedTensorIsNamedInOneErrorAndNothingChanges() throws IOException {
        Path f = dir.resolve("e.safetensors");
        EncoderExport.write(resnet18(1), "resnet18", f);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafeTensors.read(f).tensors());
        tensors.remove("layer2.0.downsample.1.running_var");
        tensors.put("layer5.0.conv1.weight", new Tensor(new long[] {1}, new float[1]));
        tensors.put("bn1.bias", new Tensor(new long[] {2, 8}, new float[16]));
        SafeTensors.write(f, Map.of(), tensors);
        Block target = resnet18(2);
        float[] before = target.getParameters().valueAt(0).getArray().toFloatArray();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncoderImport.load(target, f));
        for (String expected : new String[] {f.toString(), "missing [layer2.0.downsample.1.running_var]",
            "not in the encoder [layer5.0.conv1.weight]", "bn1.bias is [2, 8] in the file but [16] in the encoder"}) {
            assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
        }
        assertArrayEquals(before, target.getParameters().valueAt(0).getArray().toFloatArray(), "nothing was set");
    }
}
