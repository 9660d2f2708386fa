package dev.simclr.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** An ill-conditioned quadratic: sum_i c_i (x_i - t_i)^2 / 2, minimum at t. */
    private static final double[] CURVATURE = {1, 10, 100, 0.5};
    private static final double[] TARGET = {1, -2, 0.5, 3};

    private static double quadratic(float[] x, float[] g) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - TARGET[i];
            f += 0.5 * CURVATURE[i] * d * d;
            g[i] = (float) (CURVATURE[i] * d);
        }
        return f;
    }

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        float[] x = new float[4];
        Lbfgs.Outcome o = Lbfgs.minimize(LbfgsTest::quadratic, x, 100, 1.0, i -> {});
        for (int i = 0; i < 4; i++) {
            assertEquals(TARGET[i], x[i], 1e-4, "x[" + i + "]");
        }
        assertTrue(o.iterations() < 50, "took " + o.iterations() + " iterations");
    }

    @Test
    void lossNeverRisesFromOneIterationToTheNext() {
        List<Double> losses = new ArrayList<>();
        float[] x = new float[4];
        float[] g = new float[4];
        Lbfgs.minimize(LbfgsTest::quadratic, x, 30, 1.0, i -> losses.add(quadratic(x, g)));
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) <= losses.get(i - 1), "loss rose at iteration " + (i + 1) + ": " + losses);
        }
    }

    @Test
    void stopsAtTheIterationLimit() {
        float[] x = new float[4];
        Lbfgs.Outcome o = Lbfgs.minimize(LbfgsTest::quadratic, x, 2, 1.0, i -> {});
        assertEquals(2, o.iterations());
    }
}
