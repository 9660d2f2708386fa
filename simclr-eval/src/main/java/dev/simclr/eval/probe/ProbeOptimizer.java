package dev.simclr.eval.probe;

import java.util.Arrays;
import java.util.List;

/** How the probe's weights are fitted. */
public enum ProbeOptimizer {
    /** Mini-batch SGD with heavy-ball momentum and cosine decay. */
    SGD("sgd", 0.1),
    /** Mini-batch Adam (Kingma and Ba 2015) with cosine decay. */
    ADAM("adam", 0.001),
    /**
     * Full-batch L-BFGS with a backtracking line search; the paper fits its transfer-learning
     * probes this way (SimCLR, Appendix B.8 and Table 8). The learning rate scales the first trial
     * step of each line search.
     */
    LBFGS("lbfgs", 1.0);

    private final String yamlName;
    private final double defaultLr;

    ProbeOptimizer(String yamlName, double defaultLr) {
        this.yamlName = yamlName;
        this.defaultLr = defaultLr;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The learning rate used when the config gives none. */
    public double defaultLr() {
        return defaultLr;
    }

    /**
     * The learning rates searched when the config fixes none: a decade either side of the
     * default; none for L-BFGS, whose line search sets the step (its lr only scales the first trial).
     */
    public List<Double> defaultLrGrid() {
        return this == LBFGS ? List.of() : List.of(defaultLr / 10, defaultLr, defaultLr * 10);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ProbeOptimizer::yamlName).toList();
    }

    public static ProbeOptimizer byName(String name) {
        for (ProbeOptimizer o : values()) {
            if (o.yamlName.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown probe optimizer '" + name + "'; use one of " + names());
    }
}
