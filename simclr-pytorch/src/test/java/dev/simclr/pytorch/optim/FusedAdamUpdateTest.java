package dev.simclr.pytorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adam's one-call update of every parameter against its update of each in turn: the same bits. */
class FusedAdamUpdateTest {

    private static final Shape[] SHAPES = {new Shape(8, 3, 3, 3), new Shape(8), new Shape(5, 8)};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static Adam adam(float weightDecay) {
        // a schedule that changes every update, so each step's correction row must be the right one
        Tracker lr = Tracker.warmUp().optWarmUpBeginValue(1e-4f).optWarmUpSteps(5)
                .setMainTracker(Tracker.cosine().setBaseValue(3e-3f).optFinalValue(1e-5f).setMaxUpdates(10).build()).build();
        return Adam.builder().setLearningRateTracker(lr).optWeightDecays(weightDecay).build();
    }

    private List<Parameter> parameters(long seed) {
        Random random = new Random(seed);
        List<Parameter> out = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).build();
            NDArray w = manager.create(gaussians(random, SHAPES[i]), SHAPES[i]);
            w.setRequiresGradient(true);
            p.setArray(w);
            out.add(p);
        }
        return out;
    }

    private static float[] gaussians(Random random, Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Both sets get the same gradients, drawn anew each step. */
    private void setGradients(List<Parameter> a, List<Parameter> b, Random random) {
        for (int i = 0; i < a.size(); i++) {
            NDArray g = manager.create(gaussians(random, SHAPES[i]), SHAPES[i]);
            a.get(i).getArray().getGradient().addi(g);
            b.get(i).getArray().getGradient().addi(g);
        }
    }

    @ParameterizedTest(name = "weight decay {0}")
    @ValueSource(floats = {0f, 1e-4f})
    void oneCallGivesTheWeightsMomentsAndZeroedGradientsOfOneUpdateEach(float weightDecay) {
        Adam together = adam(weightDecay);
        Adam oneByOne = adam(weightDecay);
        List<Parameter> a = parameters(1);
        List<Parameter> b = parameters(1);
        Random random = new Random(2);
        for (int step = 1; step <= 7; step++) {
            setGradients(a, b, random);
            try (NDScope scope = new NDScope()) { // as the training step calls it
                scope.suppressNotUsedWarning();
                together.updateAll(a);
            }
            for (Parameter p : b) {
                NDArray g = p.getArray().getGradient();
                oneByOne.update(p.getId(), p.getArray(), g);
                g.subi(g);
            }
            for (int i = 0; i < a.size(); i++) {
                String at = "parameter " + i + " after update " + step;
                assertArrayEquals(b.get(i).getArray().toFloatArray(), a.get(i).getArray().toFloatArray(), 0f, at);
                assertArrayEquals(new float[Math.toIntExact(SHAPES[i].size())], a.get(i).getArray().getGradient().toFloatArray(), 0f, at);
                ParameterSlots sa = together.state().get(a.get(i).getId());
                ParameterSlots sb = oneByOne.state().get(b.get(i).getId());
                assertEquals(sb.updates(), sa.updates(), at);
                for (String buffer : List.of(Adam.EXP_AVG, Adam.EXP_AVG_SQ)) {
                    assertArrayEquals(sb.buffers().get(buffer).toFloatArray(), sa.buffers().get(buffer).toFloatArray(), 0f, at + ", " + buffer);
                }
            }
        }
        assertEquals(SHAPES.length, together.fusedParameters(), "the updates went through the one-call module");
    }
}
