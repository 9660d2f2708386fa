package dev.simclr.train.checkpoint;

import static dev.simclr.train.checkpoint.HandTrainedStep.adam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.pytorch.optim.Adam;
import dev.simclr.pytorch.optim.Sgd;
import dev.simclr.train.optim.LrSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path tmp;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A Linear and a BatchNorm: weights, a bias, gamma/beta and running statistics. */
    private SequentialBlock tinyNetwork(int seed) {
        manager.getEngine().setRandomSeed(seed);
        SequentialBlock b = new SequentialBlock().add(Linear.builder().setUnits(3).build()).add(BatchNorm.builder().build());
        b.initialize(manager, DataType.FLOAT32, new Shape(4, 2));
        return b;
    }

    /** One training forward (moves the running statistics) and one Adam update of every parameter. */
    private void trainOnce(SequentialBlock net, Adam opt) {
        NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 9}, new Shape(4, 2));
        net.forward(new ParameterStore(manager, false), new NDList(x), true);
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray w = p.getValue().getArray();
                opt.update(p.getValue().getId(), w, w.onesLike().mul(0.5f));
            }
        }
    }

    @Test
    void checkpointRestoresParametersRunningStatisticsOptimizerStateAndPosition() throws Exception {
        SequentialBlock net = tinyNetwork(1);
        Adam opt = adam();
        trainOnce(net, opt);
        TrainingState state = new TrainingState(2, 3, 19, 7.5, Map.of("pos_sim", 1.5), 3, List.of(4.0, 3.0), 5.0, 2.5);
        CheckpointStore store = new CheckpointStore(tmp.resolve("checkpoints"), 2);
        Checkpoint c = store.save(HandTrainedStep.of(net, opt), state);
        assertEquals(19, c.globalStep());
        assertEquals("checkpoints/step-00000019.ckpt", c.displayName());

        SequentialBlock other = tinyNetwork(2);
        Adam otherOpt = adam();
        TrainingState restored = CheckpointStore.restore(c, HandTrainedStep.of(other, otherOpt));
        assertEquals(state, restored);
        var a = net.getParameters();
        var b = other.getParameters();
        boolean sawRunningMean = false;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getKey(), b.get(i).getKey());
            assertArrayEquals(a.get(i).getValue().getArray().toFloatArray(), b.get(i).getValue().getArray().toFloatArray(), a.get(i).getKey());
            sawRunningMean |= a.get(i).getValue().getType() == Parameter.Type.RUNNING_MEAN;
        }
        assertTrue(sawRunningMean, "running statistics are parameters of the checkpoint");
        assertTrue(b.get(0).getValue().getArray().hasGradient(), "restored weights still take gradients");

        // both copies continue identically
        trainOnce(net, opt);
        trainOnce(other, otherOpt);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).getValue().getArray().toFloatArray(), b.get(i).getValue().getArray().toFloatArray(), a.get(i).getKey());
        }
    }

    @Test
    void onlyTheNewestCheckpointsAreKeptAndTemporaryFilesAreIgnored() throws Exception {
        SequentialBlock net = tinyNetwork(1);
        Adam opt = adam();
        CheckpointStore store = new CheckpointStore(tmp.resolve("checkpoints"), 2);
        for (long step : new long[] {5, 10, 15}) {
            store.save(HandTrainedStep.of(net, opt), new TrainingState(0, step, step, 0, Map.of(), 0, List.of(), 1, 1));
        }
        // what a kill during a write leaves behind
        Files.writeString(store.dir().resolve(".step-00000020.ckpt.123.tmp"), "half");
        assertEquals(List.of(10L, 15L), store.list().stream().map(Checkpoint::globalStep).toList());
        assertEquals(15, store.latest().orElseThrow().globalStep());
    }

    @Test
    void nonFiniteParametersAreNeverCheckpointed() throws Exception {
        SequentialBlock net = tinyNetwork(1);
        net.getParameters().get(0).getValue().getArray().muli(Float.NaN);
        CheckpointStore store = new CheckpointStore(tmp.resolve("checkpoints"), 2);
        assertThrows(CheckpointStore.NonFiniteParametersException.class,
                () -> store.save(HandTrainedStep.of(net, adam()), TrainingState.start()));
        assertTrue(store.list().isEmpty());
    }

    @Test
    void aCheckpointOfAnotherOptimizerIsRefusedByName() throws Exception {
        SequentialBlock net = tinyNetwork(1);
        Checkpoint c = new CheckpointStore(tmp.resolve("checkpoints"), 1).save(HandTrainedStep.of(net, adam()), TrainingState.start());
        Sgd sgd = Sgd.builder().setLearningRateTracker(new LrSchedule(0.1, "constant", 0, 10, 10, new double[0], 0.1)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointStore.restore(c, HandTrainedStep.of(tinyNetwork(2), sgd)));
        assertTrue(e.getMessage().contains("adam"), e.getMessage());
    }

    /**
     * A checkpoint written by the version before the training-step extension point (same tiny
     * network, one Adam update, the same state) still restores: the format did not change.
     */
    @Test
    void aCheckpointWrittenBeforeTheStepExtensionPointStillRestores() throws Exception {
        Path legacy = tmp.resolve("checkpoints").resolve("step-00000019.ckpt");
        Files.createDirectories(legacy.getParent());
        try (var in = CheckpointStoreTest.class.getResourceAsStream("/checkpoint/format1-before-step-spi.ckpt")) {
            Files.copy(in, legacy);
        }
        SequentialBlock net = tinyNetwork(1);
        Adam opt = adam();
        trainOnce(net, opt);
        SequentialBlock other = tinyNetwork(2);
        Adam otherOpt = adam();
        TrainingState restored = CheckpointStore.restore(new Checkpoint(legacy, 19), HandTrainedStep.of(other, otherOpt));
        assertEquals(new TrainingState(2, 3, 19, 7.5, Map.of("pos_sim", 1.5), 3, List.of(4.0, 3.0), 5.0, 2.5), restored);
        var a = net.getParameters();
        var b = other.getParameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).getValue().getArray().toFloatArray(), b.get(i).getValue().getArray().toFloatArray(), a.get(i).getKey());
        }
        // the optimizer state came across too: both continue identically
        trainOnce(net, opt);
        trainOnce(other, otherOpt);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).getValue().getArray().toFloatArray(), b.get(i).getValue().getArray().toFloatArray(), a.get(i).getKey());
        }
    }
}
