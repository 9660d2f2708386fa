package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.simclr.models.ResNet;
import dev.simclr.models.ResNetDepth;
import dev.simclr.models.Stem;
import dev.simclr.models.portable.EncoderExport;
import dev.simclr.models.portable.SafeTensors;
import dev.simclr.models.portable.Tensor;
import dev.simclr.models.portable.TorchvisionNames;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simclr export} on a finished tiny run, read back as a user's Python would see it. */
class ExportCommandTest {

    static final String ONE_EPOCH = """
            seed: 5
            backend: {name: pytorch, device: cpu, threads: 2}
            data:
              train: {name: fashion-mnist, split: train, per-class: 8}
            augment:
              - random-resized-crop: {size: 16, scale: [0.2, 1.0]}
              - normalize: {mean: [0.286], std: [0.353]}
            model:
              encoder: {name: resnet18, stem: cifar, width: 0.0625}
              head: {name: mlp, hidden: 16, out: 8}
            loss: {name: nt-xent, temperature: 0.5}
            train: {epochs: 1, batch-size: 40}
            evaluate: []
            """;

    @Test
    void aTrainedRunExportsUnderTorchvisionNamesWithWhatToChangeFirst(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, ONE_EPOCH);
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.toString());

        Path file = dir.resolve("encoder.safetensors");
        CliRunner e = CliRunner.run("export", run.toString(), "--format", "safetensors", "--out", file.toString());
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("torchvision.models.resnet18()"), e.out());

        SafeTensors.Contents c = SafeTensors.read(file);
        assertEquals("torchvision", c.metadata().get(EncoderExport.NAMES));
        assertEquals("model.conv1 = torch.nn.Conv2d(1, 4, kernel_size=3, stride=1, padding=1, bias=False);"
                + " model.maxpool = torch.nn.Identity()", c.metadata().get(EncoderExport.CHANGE_FIRST));
        assertTrue(c.metadata().get(EncoderExport.ENCODER).startsWith("resnet18 "), c.metadata().toString());
        assertEquals(20 + 20 * 4, c.tensors().size(), "ResNet-18: 20 convolution weights and 20 batch norms of 4 tensors");
        float[] var = c.tensors().get("layer1.0.bn1.running_var").values();
        assertNotEquals(1f, var[0], "the trained running variance, not the initial 1");

        CliRunner again = CliRunner.run("export", run.toString(), "--out", file.toString());
        assertEquals(Main.INVALID, again.exitCode(), "an existing file is not overwritten without --force: " + again);
        CliRunner wrong = CliRunner.run("export", run.toString(), "--format", "onnx", "--out", dir.resolve("x").toString());
        assertEquals(Main.INVALID, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("safetensors"), wrong.err());

        startingFromTheExportGivesPreTrainingThoseWeights(dir, file);
    }

    /** {@code model.encoder.init} from the export; the run also exports through {@code output.export}. */
    private static void startingFromTheExportGivesPreTrainingThoseWeights(Path dir, Path file) throws IOException {
        Path cfg = dir.resolve("from-init.yaml");
        Files.writeString(cfg, ONE_EPOCH.replace("width: 0.0625}", "width: 0.0625, init: \"" + file + "\"}")
                + "output: {export: safetensors}\n");
        Path run = dir.resolve("run-from-init");
        CliRunner r = CliRunner.run("run", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("encoder:    starts from " + file), r.out());
        assertEquals("torchvision", SafeTensors.read(run.resolve("encoder.safetensors")).metadata().get(EncoderExport.NAMES),
                "output.export writes the trained encoder into the run folder");

        Block initial = ResNet.builder().depth(ResNetDepth.RESNET18).stem(Stem.CIFAR).width(0.0625).build().block();
        try (NDManager manager = NDManager.newBaseManager();
                DataInputStream in = new DataInputStream(Files.newInputStream(run.resolve("encoder-init.params")))) {
            initial.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 16, 16));
            initial.loadParameters(manager, in);
            Map<String, Tensor> exported = SafeTensors.read(file).tensors();
            TorchvisionNames.of(initial).orElseThrow().parameters().forEach((name, p) ->
                    assertArrayEquals(exported.get(name).values(), p.getArray().toFloatArray(), name + " of the saved starting encoder"));
        } catch (MalformedModelException e) {
            throw new AssertionError(e);
        }

        Files.writeString(cfg, ONE_EPOCH.replace("width: 0.0625}", "width: 0.125, init: \"" + file + "\"}"));
        CliRunner wider = CliRunner.run("run", cfg.toString(), "--out", dir.resolve("wider").toString());
        assertEquals(Main.FAILED, wider.exitCode(), wider.toString());
        assertTrue(wider.err().contains("model.encoder.init") && wider.err().contains("conv1.weight is [4, 1, 3, 3] in the file but [8, 1, 3, 3]"),
                wider.err());

        Files.writeString(cfg, ONE_EPOCH.replace("width: 0.0625}", "width: 0.0625, init: no-such.safetensors}"));
        CliRunner missing = CliRunner.run("run", cfg.toString(), "--out", dir.resolve("missing").toString());
        assertEquals(Main.INVALID, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("model.encoder.init") && missing.err().contains("no such file"), missing.err());
    }
}
