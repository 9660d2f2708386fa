package dev.simclr.train.run;

import dev.simclr.api.config.RunConfig;
import dev.simclr.train.pretrain.EpochMetrics;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.StepMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The tiny run in a process of its own, for tests that kill it. Arguments: the run folder, then
 * {@code hold-at STEP} (after logging STEP it waits forever, to be killed with SIGKILL) or
 * {@code term-at STEP} (after logging STEP it waits until the process is asked to terminate,
 * then carries on so that the graceful stop can take its checkpoint), or {@code term-in-eval} (the
 * whole run, whose second evaluator never returns: to be stopped with SIGTERM; STEP is ignored), or
 * {@code run} and {@code resume} (the plain run, or its resume, for a test to kill when it likes; STEP
 * is ignored). In those two modes every step is followed by a pause of {@link #PACE_MS}, so that a
 * kill a few hundred milliseconds after a given step still lands before the run's end however fast
 * the machine is (the pause changes no number the run computes).
 */
public final class ChildRun {

    /** One evaluation that finishes, then one that never does. */
    static final List<String> STAGED_EVALUATIONS = List.of("data.test={name: fashion-mnist, split: test, limit: 16}",
            "evaluate=[{staged: {label: first}}, {staged: {label: second, hold: true}}]");

    /** The pause after each step in the {@code run} and {@code resume} modes. */
    static final long PACE_MS = 150;

    private ChildRun() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String mode = args[1];
        long at = Long.parseLong(args[2]);
        CountDownLatch terminating = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(terminating::countDown));
        if ("term-in-eval".equals(mode)) {
            RunOrchestrator o = new RunOrchestrator(TinyRun.registryWith(new StagedEvaluatorProvider()), System.out, false);
            o.run(TinyRun.config(o, STAGED_EVALUATIONS), out, false);
            System.exit(0);
        }
        if ("run".equals(mode)) {
            RunOrchestrator o = TinyRun.orchestrator(System.out).withStepListener(paced());
            o.run(TinyRun.config(o, List.of()), out, false);
            System.exit(0);
        }
        if ("resume".equals(mode)) {
            TinyRun.orchestrator(System.out).withStepListener(paced()).resume(out, List.of());
            System.exit(0);
        }
        RunOrchestrator orchestrator = TinyRun.orchestrator(System.out).withStepListener(new Pretrainer.StepListener() {
            @Override
            public void onStep(StepMetrics s) {
                if (s.step() != at) {
                    return;
                }
                try {
                    if ("hold-at".equals(mode)) {
                        Thread.sleep(Long.MAX_VALUE);
                    } else {
                        terminating.await(120, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onEpoch(EpochMetrics e) {}
        });
        RunConfig config = TinyRun.config(orchestrator, List.of());
        orchestrator.run(config, out, false);
        System.exit(0);
    }

    /** A listener that pauses {@link #PACE_MS} after every step. */
    private static Pretrainer.StepListener paced() {
        return new Pretrainer.StepListener() {
            @Override
            public void onStep(StepMetrics s) {
                try {
                    Thread.sleep(PACE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onEpoch(EpochMetrics e) {}
        };
    }
}
