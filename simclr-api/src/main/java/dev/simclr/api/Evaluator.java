package dev.simclr.api;

import java.util.Map;

/** An evaluation stage that runs after pre-training and reports results. */
public interface Evaluator {

    /**
     * Runs the evaluation.
     *
     * @return result rows: evaluation name (e.g. {@code linear-probe},
     *     {@code linear-probe@random-init}) to metrics (numbers as fractions, e.g. {@code top1})
     */
    Map<String, Map<String, Object>> evaluate(EvaluationContext context) throws Exception;
}
