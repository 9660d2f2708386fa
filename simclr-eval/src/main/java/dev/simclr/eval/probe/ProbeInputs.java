package dev.simclr.eval.probe;

import dev.simclr.api.Features;

/**
 * What a probe is fitted on and scored on: both sets of rows standardised with the fitted rows'
 * statistics (so neither a validation part nor the test split leaks into the fit), each row with
 * the constant 1 of the bias appended. Made once per pair of feature sets and shared by every fit
 * of a settings search, whose points differ only in their settings: for raw pixels each copy is
 * tens of megabytes, so making it per point multiplied the evaluation's memory traffic.
 *
 * @param fit {@code fitRows x cols} floats
 * @param fitLabels class per fitted row
 * @param eval {@code evalRows x cols} floats
 * @param cols feature size plus one
 */
record ProbeInputs(float[] fit, int fitRows, int[] fitLabels, float[] eval, int evalRows, int cols) {

    /** {@code fit} and {@code eval} prepared alike; standardised when {@code standardize}. */
    static ProbeInputs of(Features fit, Features eval, boolean standardize) {
        Standardizer standardizer = standardize ? Standardizer.fit(fit) : Standardizer.identity(fit.dim());
        return new ProbeInputs(standardizer.withBias(fit), fit.count(), fit.labels(), standardizer.withBias(eval), eval.count(),
                fit.dim() + 1);
    }
}
