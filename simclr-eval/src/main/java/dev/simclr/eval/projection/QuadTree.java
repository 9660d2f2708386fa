package dev.simclr.eval.projection;

/**
 * The Barnes-Hut quadtree of a 2-D map (van der Maaten 2014, Section 4.2): each cell keeps how
 * many points it holds and their centre of mass, so the repulsion a far-away cell exerts on a
 * point is taken once for all its points. A cell is far enough when its diagonal divided by its
 * distance from the point is below {@code theta}; {@code theta = 0} visits every point, which is
 * the exact sum.
 */
final class QuadTree {

    /** Below this width a cell stops splitting and keeps coincident points together. */
    private static final double MIN_WIDTH = 1e-12;

    private final double left;
    private final double bottom;
    private final double width;
    private int count;
    private double sumX;
    private double sumY;
    private int[] points = new int[1];
    private QuadTree[] children;

    private QuadTree(double left, double bottom, double width) {
        this.left = left;
        this.bottom = bottom;
        this.width = width;
    }

    /** The tree of the points {@code y} ({@code n x 2}, row-major). */
    static QuadTree of(double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double side = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + MIN_WIDTH;
        QuadTree root = new QuadTree(minX, minY, side);
        for (int i = 0; i < n; i++) {
            root.insert(i, y);
        }
        return root;
    }

    private void insert(int i, double[] y) {
        double px = y[2 * i];
        double py = y[2 * i + 1];
        if (children == null && (count == 0 || width < MIN_WIDTH || samePlace(y, points[0], px, py))) {
            if (count == points.length) {
                points = java.util.Arrays.copyOf(points, 2 * count);
            }
            points[count] = i;
            add(px, py);
            return;
        }
        if (children == null) {
            split(y);
        }
        add(px, py);
        child(px, py).insert(i, y);
    }

    private void split(double[] y) {
        double half = width / 2;
        children = new QuadTree[] {new QuadTree(left, bottom, half), new QuadTree(left + half, bottom, half),
            new QuadTree(left, bottom + half, half), new QuadTree(left + half, bottom + half, half)};
        for (int j = 0; j < count; j++) {
            int p = points[j];
            child(y[2 * p], y[2 * p + 1]).insert(p, y);
        }
        points = null;
    }

    private void add(double px, double py) {
        count++;
        sumX += px;
        sumY += py;
    }

    private QuadTree child(double px, double py) {
        double half = width / 2;
        int col = px >= left + half ? 1 : 0;
        int row = py >= bottom + half ? 1 : 0;
        return children[2 * row + col];
    }

    private static boolean samePlace(double[] y, int p, double px, double py) {
        return y[2 * p] == px && y[2 * p + 1] == py;
    }

    /**
     * Adds the repulsion on point {@code i} at {@code (px, py)}: {@code out[0..1] += Σ w² (y_i - y_j)}
     * and {@code out[2] += Σ w} over all other points j, with {@code w = 1 / (1 + |y_i - y_j|²)}.
     */
    void repulsion(int i, double px, double py, double theta, double[] out) {
        if (count == 0) {
            return;
        }
        int others = count;
        if (children == null) {
            for (int j = 0; j < count; j++) {
                others -= points[j] == i ? 1 : 0;
            }
        }
        double dx = px - sumX / count;
        double dy = py - sumY / count;
        double d2 = dx * dx + dy * dy;
        if (children == null || (width * Math.sqrt(2) < theta * Math.sqrt(d2))) {
            if (others == 0) {
                return;
            }
            double w = 1 / (1 + d2);
            out[0] += others * w * w * dx;
            out[1] += others * w * w * dy;
            out[2] += others * w;
            return;
        }
        for (QuadTree c : children) {
            c.repulsion(i, px, py, theta, out);
        }
    }
}
