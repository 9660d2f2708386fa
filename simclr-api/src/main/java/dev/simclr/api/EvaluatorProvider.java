package dev.simclr.api;

/** Extension point: evaluators, listed in YAML under {@code evaluate:}. */
public interface EvaluatorProvider extends Provider {

    Evaluator create(Params params);
}
