package dev.simclr.pytorch.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.simclr.api.Backend;
import dev.simclr.api.ImageShape;
import dev.simclr.api.Params;
import dev.simclr.api.step.OptimizerSettings;
import dev.simclr.api.step.Precision;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.pytorch.parallel.DataParallelStep;
import dev.simclr.pytorch.parallel.ReplicaParameters;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on the one CPU against one device, through the backend as a run makes it. The
 * network has no batch norm, so the forward pass does not depend on how the batch is split: the
 * losses must agree step by step, which needs negatives from the global batch, gradients from both
 * replicas summed once (SGD's step is proportional to the gradient, so a doubled or halved gradient
 * shows), and replicas that stay identical.
 */
class DataParallelTrainingTest {

    private static final int B = 5; // split 3 + 2 over two replicas
    private static final ImageShape VIEW = new ImageShape(3, 6, 6);

    private static Block network(NDManager manager) {
        SequentialBlock net = new SequentialBlock();
        net.add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build())
                .add(Activation.reluBlock()).add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(8).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(4).build());
        Engine.getEngine("PyTorch").setRandomSeed(11);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, VIEW.channels(), VIEW.height(), VIEW.width()));
        return net;
    }

    private static Backend backend(int devices) {
        return new PyTorchBackendProvider().create(Params.of("backend",
                Map.of("device", "cpu", "devices", devices, "threads", 0, "interop-threads", 1)));
    }

    private static TrainingStep step(Backend backend, NDManager manager, Block net, NtXentLoss loss) {
        OptimizerSettings sgd = new OptimizerSettings("sgd", Tracker.fixed(0.5f), 1e-4, 0.9, false, 0.001);
        return backend.trainingStep(new TrainingSetup(manager, net, loss, VIEW, B, true, 0, false, sgd));
    }

    @Test
    void twoReplicasOnTheCpuGiveTheFirstLossesOfOneDevice() {
        Random random = new Random(3);
        float[][] batches = new float[4][2 * B * VIEW.channels() * VIEW.height() * VIEW.width()];
        for (float[] batch : batches) {
            for (int i = 0; i < batch.length; i++) {
                batch[i] = random.nextFloat();
            }
        }
        try (NDManager m1 = NDManager.newBaseManager("PyTorch"); NDManager m2 = NDManager.newBaseManager("PyTorch");
                NtXentLoss loss = new NtXentLoss(0.5)) {
            Block one = network(m1);
            Block two = network(m2);
            Backend pair = backend(2);
            assertEquals(List.of(Device.cpu(), Device.of(Device.Type.CPU, 1)), pair.devices());
            try (TrainingStep single = step(backend(1), m1, one, loss); TrainingStep parallel = step(pair, m2, two, loss)) {
                DataParallelStep dp = assertInstanceOf(DataParallelStep.class, parallel);
                for (int s = 0; s < batches.length; s++) {
                    StepLoss expected = single.train(batches[s]);
                    StepLoss actual = parallel.train(batches[s]);
                    assertEquals(expected.loss(), actual.loss(), 1e-5, "loss of step " + (s + 1));
                    assertEquals(expected.metrics().get(NtXentLoss.POS_SIM), actual.metrics().get(NtXentLoss.POS_SIM), 1e-5);
                }
                assertSameWeights(one, two, dp.replicas());
            }
        }
    }

    @Test
    void theStepCanBeMadeBeforeTheNetworkIsInitialisedAsTheRunsPreflightDoes() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NtXentLoss loss = new NtXentLoss(0.5)) {
            SequentialBlock net = new SequentialBlock();
            net.add(Linear.builder().setUnits(4).build());
            try (TrainingStep step = step(backend(2), manager, net, loss)) {
                assertInstanceOf(DataParallelStep.class, step);
            }
        }
    }

    @Test
    void bf16OnSeveralDevicesIsRefusedNamingTheKey() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NtXentLoss loss = new NtXentLoss(0.5);
                Backend backend = backend(2)) {
            OptimizerSettings sgd = new OptimizerSettings("sgd", Tracker.fixed(0.5f), 1e-4, 0.9, false, 0.001);
            TrainingSetup bf16 = new TrainingSetup(manager, network(manager), loss, VIEW, B, true, 0, false, sgd, Precision.BF16);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.trainingStep(bf16));
            assertTrue(e.getMessage().contains("train.precision: bf16 with backend.devices 2"), e.getMessage());
        }
    }

    private static void assertSameWeights(Block one, Block two, List<ReplicaParameters> replicas) {
        List<Parameter> expected = one.getParameters().stream().map(Pair::getValue).toList();
        List<Parameter> actual = two.getParameters().stream().map(Pair::getValue).toList();
        for (int i = 0; i < expected.size(); i++) {
            Parameter p = actual.get(i);
            assertArrayEquals(expected.get(i).getArray().toFloatArray(), p.getArray().toFloatArray(), 1e-5f, "weights of " + p.getName());
            assertNotSame(replicas.get(0).array(p), replicas.get(1).array(p));
            assertArrayEquals(p.getArray().toFloatArray(), replicas.get(1).array(p).toFloatArray(), "replica 1 of " + p.getName());
        }
    }
}
