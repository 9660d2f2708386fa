package dev.simclr.pytorch.backend;

import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's own profiler over a few steps of the one-device training step, for finding where a
 * step's time goes: with {@code SIMCLR_TORCH_PROFILE=FILE} in the environment, steps
 * {@value #FIRST} to {@value #LAST} (1-based, after the engine has warmed up) are recorded and
 * written to FILE as a Chrome trace, a JSON array of events ({@code chrome://tracing}, or
 * {@code scripts/op-profile.py FILE 3} for the time per operator). Without the variable it does
 * nothing.
 */
final class StepProfiler {

    static final String VARIABLE = "SIMCLR_TORCH_PROFILE";
    private static final int FIRST = 3;
    private static final int LAST = 5;

    private final String file;
    private int steps;

    /** @param file where the trace goes, or null to record nothing */
    StepProfiler(String file) {
        this.file = file;
    }

    static StepProfiler fromEnvironment() {
        String file = System.getenv(VARIABLE);
        return new StepProfiler(file == null || file.isBlank() ? null : file);
    }

    /** Call before each step. */
    void beforeStep() {
        steps++;
        if (file != null && steps == FIRST) {
            JniUtils.startProfile(false, false, false);
        }
    }

    /** Call after each step, also after one that failed. */
    void afterStep() {
        if (file != null && steps == LAST) {
            JniUtils.stopProfile(file);
            System.err.printf("%s: steps %d-%d of libtorch's profile written to %s%n", VARIABLE, FIRST, LAST, file);
        }
    }
}
