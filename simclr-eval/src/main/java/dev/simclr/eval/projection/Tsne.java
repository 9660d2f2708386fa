package dev.simclr.eval.projection;

import java.util.SplittableRandom;

/**
 * t-distributed stochastic neighbour embedding to two dimensions (van der Maaten and Hinton 2008,
 * JMLR 9): the map's similarities {@code q_ij ∝ (1 + |y_i - y_j|²)^-1} are pulled towards the
 * input's {@code p_ij} by gradient descent on KL(P || Q), whose gradient is
 * {@code 4 Σ_j (p_ij - q_ij)(1 + |y_i - y_j|²)^-1 (y_i - y_j)} (their equation 5). Up to
 * {@code exactBelow} points every pair is summed; above it the input similarities are kept for
 * each point's nearest and the repulsion is approximated with a quadtree (Barnes-Hut-SNE, van der
 * Maaten 2014, JMLR 15). The optimisation follows both papers: a map drawn from N(0, 1e-4 I) with
 * the seed, P exaggerated 12 times for the first 250 iterations, momentum 0.5 then 0.8, and
 * per-coordinate gains (+0.2 when the gradient changes sign, x0.8 when not, at least 0.01).
 * The step size is {@code max(n / 12 / 4, 50)} (Belkina et al. 2019, as scikit-learn's "auto").
 *
 * @param perplexity effective number of neighbours of each point
 * @param iterations gradient steps
 * @param theta Barnes-Hut accuracy (0: exact sums), at most 1
 * @param exactBelow up to this many points, the exact method
 * @param seed seed of the initial map
 */
record Tsne(double perplexity, int iterations, double theta, int exactBelow, long seed) {

    static final double EXAGGERATION = 12;
    static final int EXAGGERATION_ITERATIONS = 250;

    Tsne {
        if (perplexity <= 0 || iterations < 0 || theta < 0 || theta > 1) {
            throw new IllegalArgumentException("t-SNE: perplexity must be positive, iterations not negative and theta in [0, 1], got "
                    + perplexity + ", " + iterations + ", " + theta);
        }
    }

    /** The same settings with another seed. */
    Tsne seeded(long newSeed) {
        return new Tsne(perplexity, iterations, theta, exactBelow, newSeed);
    }

    /** The map and how well it fits. */
    record Result(double[] y, double klDivergence, boolean exact) {}

    /** Maps {@code n x dim} row-major points to {@code n x 2}. */
    Result embed(double[] x, int n, int dim) {
        if (n < 2) {
            throw new IllegalArgumentException("t-SNE needs at least 2 points, got " + n);
        }
        boolean exact = n <= exactBelow;
        int neighbours = exact ? n - 1 : (int) Math.floor(3 * perplexity);
        TsneAffinities p = TsneAffinities.of(x, n, dim, Math.min(perplexity, (n - 1) / 3.0), neighbours);
        double[] y = new double[2 * n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-2 * gaussian(rng);
        }
        double rate = Math.max(n / EXAGGERATION / 4, 50);
        double[] velocity = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1.0);
        double[] grad = new double[2 * n];
        double theta = exact ? 0 : this.theta;
        for (int it = 0; it < iterations; it++) {
            boolean early = it < EXAGGERATION_ITERATIONS;
            gradient(p, y, n, early ? EXAGGERATION : 1, theta, grad);
            double momentum = early ? 0.5 : 0.8;
            for (int c = 0; c < y.length; c++) {
                boolean sameSign = (grad[c] > 0) == (velocity[c] > 0);
                gains[c] = Math.max(sameSign ? gains[c] * 0.8 : gains[c] + 0.2, 0.01);
                velocity[c] = momentum * velocity[c] - rate * gains[c] * grad[c];
                y[c] += velocity[c];
            }
            centre(y, n);
        }
        return new Result(y, klDivergence(p, y, n, theta), exact);
    }

    /**
     * The gradient of KL(exaggeration * P || Q) with respect to the map: attraction over the kept
     * entries of P, repulsion over all pairs (through the quadtree).
     *
     * @return Z, the sum of {@code (1 + |y_i - y_j|²)^-1} over all pairs
     */
    static double gradient(TsneAffinities p, double[] y, int n, double exaggeration, double theta, double[] grad) {
        double[] repulsion = new double[2 * n];
        double z = theta == 0 ? exactRepulsion(y, n, repulsion) : treeRepulsion(y, n, theta, repulsion);
        for (int i = 0; i < n; i++) {
            double ax = 0;
            double ay = 0;
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                int j = p.column()[e];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double w = p.value()[e] / (1 + dx * dx + dy * dy);
                ax += w * dx;
                ay += w * dy;
            }
            grad[2 * i] = 4 * (exaggeration * ax - repulsion[2 * i] / z);
            grad[2 * i + 1] = 4 * (exaggeration * ay - repulsion[2 * i + 1] / z);
        }
        return z;
    }

    /** {@code Σ_j w_ij² (y_i - y_j)} per point and Z, summed over every pair: {@code w_ij = (1 + |y_i - y_j|²)^-1}. */
    private static double exactRepulsion(double[] y, int n, double[] repulsion) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                z += 2 * w;
                repulsion[2 * i] += w * w * dx;
                repulsion[2 * i + 1] += w * w * dy;
                repulsion[2 * j] -= w * w * dx;
                repulsion[2 * j + 1] -= w * w * dy;
            }
        }
        return z;
    }

    /** The same sums with far cells of the quadtree taken as one point each. */
    static double treeRepulsion(double[] y, int n, double theta, double[] repulsion) {
        double z = 0;
        QuadTree tree = QuadTree.of(y, n);
        double[] acc = new double[3];
        for (int i = 0; i < n; i++) {
            acc[0] = acc[1] = acc[2] = 0;
            tree.repulsion(i, y[2 * i], y[2 * i + 1], theta, acc);
            repulsion[2 * i] = acc[0];
            repulsion[2 * i + 1] = acc[1];
            z += acc[2];
        }
        return z;
    }

    /** KL(P || Q) over the kept entries of P, with Q's normaliser summed as the gradient does. */
    static double klDivergence(TsneAffinities p, double[] y, int n, double theta) {
        double z = gradient(p, y, n, 1, theta, new double[2 * n]);
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                int j = p.column()[e];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy) / z;
                double pij = p.value()[e];
                if (pij > 0) {
                    kl += pij * Math.log(pij / Math.max(q, 1e-300));
                }
            }
        }
        return kl;
    }

    private static void centre(double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx / n;
            y[2 * i + 1] -= my / n;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
