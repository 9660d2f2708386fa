package dev.simclr.eval.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Features;
import dev.simclr.eval.Synthetic;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TsneTest {

    private static double[] points(Features f) {
        double[] x = new double[f.data().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = f.data()[i];
        }
        return x;
    }

    @Test
    void eachConditionalHasTheAskedPerplexityAndTheJointSumsToOneSymmetrically() {
        Features f = Synthetic.clusters(3, 20, 5, 2.0, 1, 2);
        double[] x = points(f);
        double[] d = new double[59];
        for (int j = 0; j < d.length; j++) {
            d[j] = Math.pow(x[j + 1] - x[0], 2) + j * 0.1;
        }
        double[] p = TsneAffinities.conditional(d, 10);
        double entropy = -Arrays.stream(p).filter(v -> v > 0).map(v -> v * Math.log(v)).sum();
        assertEquals(10, Math.exp(entropy), 1e-3, "perplexity e^H");
        assertEquals(1, Arrays.stream(p).sum(), 1e-12);

        TsneAffinities joint = TsneAffinities.of(x, 60, 5, 10, 59);
        assertEquals(1, Arrays.stream(joint.value()).sum(), 1e-12);
        double[][] dense = dense(joint, 60);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, dense[i][i], 0.0, "no self-similarity");
            for (int j = 0; j < 60; j++) {
                assertEquals(dense[i][j], dense[j][i], 1e-15);
            }
        }
    }

    @Test
    void barnesHutWithThetaZeroIsTheExactGradientAndCloseAtHalf() {
        Features f = Synthetic.clusters(4, 15, 6, 3.0, 3, 4);
        int n = f.count();
        TsneAffinities p = TsneAffinities.of(points(f), n, 6, 8, 24);
        double[] y = new double[2 * n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble(-3, 3);
        }
        double[] exact = exactGradient(dense(p, n), y, n, 2.0);
        double[] direct = new double[2 * n];
        Tsne.gradient(p, y, n, 2.0, 0, direct);
        assertArrayEquals(exact, direct, 1e-12);
        double[] tree = new double[2 * n];
        double[] exactRepulsion = new double[2 * n];
        assertEquals(Tsne.gradient(p, y, n, 1, 0, exactRepulsion), Tsne.treeRepulsion(y, n, 0, tree), 1e-9, "Z");
        double[] pairs = exactGradient(dense(p, n), y, n, 0); // repulsion alone: -4 Σ w² (y_i - y_j) / Z
        double z = Tsne.treeRepulsion(y, n, 0, tree);
        for (int i = 0; i < tree.length; i++) {
            assertEquals(pairs[i], -4 * tree[i] / z, 1e-12, "the quadtree at theta 0 visits every point");
        }
        Tsne.gradient(p, y, n, 2.0, 0.5, tree);
        Tsne.gradient(p, y, n, 2.0, 0.5, tree);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < tree.length; i++) {
            err += (tree[i] - exact[i]) * (tree[i] - exact[i]);
            norm += exact[i] * exact[i];
        }
        assertTrue(Math.sqrt(err / norm) < 0.05, "Barnes-Hut at theta 0.5 within 5 % of the exact gradient: " + Math.sqrt(err / norm));
    }

    @Test
    void exactMapOfSeparatedClustersKeepsNeighboursAndSeparatesClasses() {
        Features f = Synthetic.clusters(4, 40, 10, 3.0, 11, 12);
        Tsne.Result r = new Tsne(20, 500, 0.5, 1000, 7).embed(points(f), f.count(), 10);
        assertTrue(r.exact());
        checkMap(f, r);
    }

    @Test
    void barnesHutMapOfSeparatedClustersKeepsNeighboursAndSeparatesClasses() {
        Features f = Synthetic.clusters(5, 80, 10, 3.0, 13, 14);
        Tsne.Result r = new Tsne(30, 500, 0.5, 100, 7).embed(points(f), f.count(), 10);
        assertFalse(r.exact());
        checkMap(f, r);
    }

    @Test
    void oneSeedGivesOneMapAndAnotherSeedAnother() {
        Features f = Synthetic.clusters(3, 20, 4, 3.0, 1, 2);
        Tsne t = new Tsne(10, 300, 0.5, 30, 1);
        double[] a = t.embed(points(f), 60, 4).y();
        assertArrayEquals(a, t.embed(points(f), 60, 4).y(), 0.0);
        assertFalse(Arrays.equals(a, t.seeded(2).embed(points(f), 60, 4).y()));
    }

    @Test
    void trustworthinessIsOneForTheDataItselfAndLowForAShuffledMap() {
        Features f = Synthetic.clusters(3, 30, 2, 3.0, 1, 2);
        double[] x = points(f);
        assertEquals(1.0, Trustworthiness.of(x, 2, x, 2, 90, 5), 1e-12);
        double[] shuffled = x.clone();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 89; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            for (int c = 0; c < 2; c++) {
                double t = shuffled[2 * i + c];
                shuffled[2 * i + c] = shuffled[2 * j + c];
                shuffled[2 * j + c] = t;
            }
        }
        assertTrue(Trustworthiness.of(x, 2, shuffled, 2, 90, 5) < 0.7);
    }

    /** Trustworthiness at k = 10 above 0.9, and every point's nearest map neighbour of its own class but a few. */
    private static void checkMap(Features f, Tsne.Result r) {
        int n = f.count();
        double trust = Trustworthiness.of(points(f), f.dim(), r.y(), 2, n, 10);
        assertTrue(trust > 0.9, "trustworthiness " + trust);
        int same = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double dx = r.y()[2 * i] - r.y()[2 * j];
                double dy = r.y()[2 * i + 1] - r.y()[2 * j + 1];
                if (j != i && dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = j;
                }
            }
            same += f.labels()[best] == f.labels()[i] ? 1 : 0;
        }
        assertTrue(same >= 0.97 * n, "1-NN on the map agrees with the class for " + same + " of " + n);
        assertTrue(Double.isFinite(r.klDivergence()) && r.klDivergence() > 0, "KL " + r.klDivergence());
    }

    private static double[][] dense(TsneAffinities p, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                m[i][p.column()[e]] += p.value()[e];
            }
        }
        return m;
    }

    /** Equation 5 of van der Maaten and Hinton (2008), every pair summed, P scaled by the exaggeration. */
    private static double[] exactGradient(double[][] p, double[] y, int n, double exaggeration) {
        double z = 0;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    w[i][j] = 1 / (1 + dx * dx + dy * dy);
                    z += w[i][j];
                }
            }
        }
        double[] g = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double coef = 4 * (exaggeration * p[i][j] - w[i][j] / z) * w[i][j];
                g[2 * i] += coef * (y[2 * i] - y[2 * j]);
                g[2 * i + 1] += coef * (y[2 * i + 1] - y[2 * j + 1]);
            }
        }
        return g;
    }
}
