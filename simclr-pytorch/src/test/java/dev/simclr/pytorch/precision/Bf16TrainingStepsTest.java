package dev.simclr.pytorch.precision;

import static dev.simclr.pytorch.precision.Comparison.relativeError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.simclr.api.step.Passes;
import dev.simclr.api.step.Precision;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.models.MlpHead;
import dev.simclr.models.ResNet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A few training steps with per-view batch norm (one encoder pass per view, as the training step
 * runs them), in fp32 and in bf16 from the same start: the fused modules must move DJL's
 * running statistics as DJL's fp32 batch norm does (torch's momentum 0.1, unbiased variance, once
 * per pass), and an eval-mode forward must normalise by them.
 */
class Bf16TrainingStepsTest {

    /** The bound of {@link MixedPrecisionTest} for forward quantities, from PyTorch's bf16 autocast on ResNet-18. */
    private static final double FORWARD_TOLERANCE = 0.05;

    private static final int BATCH = 8;

    private static final int STEPS = 3;

    /** Small, so that the running statistics compare the batch norms rather than two parameter trajectories. */
    private static final float LEARNING_RATE = 0.001f;

    /**
     * ResNet-18 (CIFAR stem, width 0.25) with SimCLR v2's batch-norm head: its 1-D batch norms see
     * 8 rows per pass, where the variance's unbiased factor 8/7 moves the running variance by 14 %,
     * far outside the tolerance, so a biased update would fail.
     */
    private static Block network(NDManager manager) {
        SequentialBlock net = new SequentialBlock();
        net.add(ResNet.builder().width(0.25).build().block());
        net.add(MlpHead.create(128, 2, 256, 64, true).block());
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        return net;
    }

    /** Trains {@code STEPS} SGD steps through {@code forward} on the given views. */
    private static void train(Block network, Block forward, NDArray[] views) {
        ParameterStore ps = new ParameterStore(views[0].getManager(), false);
        Passes passes = Passes.of(2 * BATCH, BATCH, 0);
        for (NDArray x : views) {
            try (NtXentLoss loss = new NtXentLoss(0.2); GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
                gc.backward(loss.compute(passes.project(ps, forward, x)).loss());
            }
            for (Pair<String, Parameter> p : network.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    NDArray w = p.getValue().getArray();
                    NDArray g = w.getGradient();
                    w.subi(g.mul(LEARNING_RATE));
                    g.subi(g);
                }
            }
        }
    }

    private static Map<String, NDArray> snapshot(Block network) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().duplicate());
        }
        return out;
    }

    private static void restore(Block network, Map<String, NDArray> values) {
        for (Pair<String, Parameter> p : network.getParameters()) {
            p.getValue().getArray().set(values.get(p.getKey()).toFloatArray());
        }
    }

    private static boolean isStatistic(String key) {
        return key.endsWith("runningMean") || key.endsWith("runningVar");
    }

    private static float[] evalProjections(Block forward, NDArray x) {
        return forward.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }

    @Test
    void runningStatisticsAfterTrainingStepsAndEvalForwardMatchFp32() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(11);
            Block network = network(manager);
            NDArray[] views = new NDArray[STEPS];
            for (int i = 0; i < STEPS; i++) {
                views[i] = manager.randomNormal(new Shape(2 * BATCH, 3, 32, 32)).mul(1.5f).add(0.5f);
            }
            NDArray probe = manager.randomNormal(new Shape(BATCH, 3, 32, 32)).add(0.5f);
            Map<String, NDArray> start = snapshot(network);
            train(network, network, views);
            Map<String, NDArray> fp32 = snapshot(network);
            float[] eval32 = evalProjections(network, probe);
            restore(network, start);
            float[] eval16;
            float[] train16;
            Map<String, NDArray> bf16;
            try (MixedPrecision mp = MixedPrecision.of(network, manager, Precision.BF16, s -> {})) {
                train(network, mp.forward(), views);
                bf16 = snapshot(network);
                eval16 = evalProjections(mp.forward(), probe);
                assertStatisticsUnchanged(bf16, snapshot(network));
                train16 = mp.forward().forward(new ParameterStore(manager, false), new NDList(probe), true).singletonOrThrow().toFloatArray();
            }
            int statistics = 0;
            for (String k : fp32.keySet()) {
                if (isStatistic(k)) {
                    statistics++;
                    double e = relativeError(fp32.get(k).sub(start.get(k)).toFloatArray(), bf16.get(k).sub(start.get(k)).toFloatArray());
                    assertTrue(e < FORWARD_TOLERANCE, "relative error " + e + " of the change of " + k + " over " + STEPS + " steps");
                }
            }
            assertTrue(statistics > 40, statistics + " running statistics");
            double e = relativeError(eval32, eval16);
            assertTrue(e < FORWARD_TOLERANCE, "eval-mode projections " + e + " from fp32's");
            double batchStatistics = relativeError(train16, eval16);
            assertTrue(batchStatistics > 5 * FORWARD_TOLERANCE, "eval mode normalised by batch statistics: " + batchStatistics
                    + " from the training-mode projections");
        }
    }

    private static void assertStatisticsUnchanged(Map<String, NDArray> before, Map<String, NDArray> after) {
        for (String k : before.keySet()) {
            if (isStatistic(k)) {
                assertTrue(before.get(k).contentEquals(after.get(k)), "an eval-mode forward changed " + k);
            }
        }
    }
}
