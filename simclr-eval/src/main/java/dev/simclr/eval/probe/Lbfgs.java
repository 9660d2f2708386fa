package dev.simclr.eval.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.IntConsumer;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, Algorithm 7.4 and 7.5) over a
 * full-batch objective, with a backtracking line search on the Armijo condition. The probe's loss
 * is smooth and convex, so sufficient decrease is enough for a steady fall; a pair whose
 * curvature {@code s.y} is not positive is not stored, which keeps the inverse Hessian estimate
 * positive definite.
 */
final class Lbfgs {

    /** Result of a minimisation: iterations taken and the final loss. */
    record Outcome(int iterations, double loss) {}

    private static final int HISTORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;
    private static final double GRADIENT_TOLERANCE = 1e-6;
    private static final double LOSS_TOLERANCE = 1e-10;

    private Lbfgs() {}

    /**
     * Minimises {@code f} starting from (and writing back into) {@code theta}.
     *
     * @param stepScale scale of each line search's first trial step (1 is the natural step)
     * @param onIteration called after each iteration with its number
     */
    static Outcome minimize(Objective f, float[] theta, int maxIterations, double stepScale, IntConsumer onIteration) {
        int n = theta.length;
        float[] g = new float[n];
        float[] gNext = new float[n];
        float[] trial = new float[n];
        double loss = f.evaluate(theta, g);
        Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {1 / (y.s)}}, newest first
        int iter = 0;
        while (iter < maxIterations && maxAbs(g) > GRADIENT_TOLERANCE) {
            iter++;
            double[] d = direction(g, pairs);
            double slope = dot(g, d);
            if (slope >= 0) {
                pairs.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            // PyTorch's torch.optim.LBFGS also shortens the first step to 1/|g|_1, before any
            // curvature is known
            double t = stepScale * (pairs.isEmpty() ? Math.min(1.0, 1.0 / sumAbs(g)) : 1.0);
            double next = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = (float) (theta[i] + t * d[i]);
                }
                next = f.evaluate(trial, gNext);
                if (next <= loss + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break; // no decrease at float precision: we are at the minimum
            }
            double[] s = new double[n];
            double[] y = new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = (double) trial[i] - theta[i];
                y[i] = (double) gNext[i] - g[i];
                sy += s[i] * y[i];
            }
            if (sy > 1e-12) {
                pairs.addFirst(new double[][] {s, y, {1.0 / sy}});
                if (pairs.size() > HISTORY) {
                    pairs.removeLast();
                }
            }
            System.arraycopy(trial, 0, theta, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            double previous = loss;
            loss = next;
            onIteration.accept(iter);
            if (Math.abs(previous - loss) <= LOSS_TOLERANCE * Math.max(1.0, Math.abs(loss))) {
                break;
            }
        }
        return new Outcome(iter, loss);
    }

    /** The two-loop recursion: {@code -H g} with H the L-BFGS inverse Hessian estimate. */
    private static double[] direction(float[] g, Deque<double[][]> pairs) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = -g[i];
        }
        double[] alpha = new double[pairs.size()];
        int k = 0;
        for (double[][] p : pairs) {
            double a = p[2][0] * dot(p[0], q);
            alpha[k++] = a;
            axpy(-a, p[1], q);
        }
        if (!pairs.isEmpty()) {
            double[][] newest = pairs.peekFirst();
            double gamma = 1.0 / (newest[2][0] * dot(newest[1], newest[1]));
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
        }
        Iterator<double[][]> oldestFirst = pairs.descendingIterator();
        k = pairs.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] p = oldestFirst.next();
            double b = p[2][0] * dot(p[1], q);
            axpy(alpha[k--] - b, p[0], q);
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dot(float[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(float[] g) {
        double[] d = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
        return d;
    }

    private static double maxAbs(float[] g) {
        double m = 0;
        for (float v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double sumAbs(float[] g) {
        double s = 0;
        for (float v : g) {
            s += Math.abs(v);
        }
        return s;
    }
}
