package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.data.SyntheticImages;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.checkpoint.TrainingState;
import dev.simclr.train.pretrain.EpochMetrics;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.StepMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run over a streamed dataset (an image folder read as it is used, tar shards) that stops
 * mid-epoch and is resumed from its checkpoint lands on the same batches as the run left alone:
 * its losses are the uninterrupted run's, step for step.
 */
class StreamedResumeTest {

    private static final long FAIL_AT = 13;

    @TempDir
    static Path shared;

    @BeforeAll
    static void generateImages() throws Exception {
        SyntheticImages.writeFolder(shared.resolve("folder"), 64, 16, 4, 3);
        SyntheticImages.writeShards(shared.resolve("shards"), 64, 16, 4, 20, 3);
    }

    private static List<String> data(String kind) {
        return List.of(kind.equals("folder")
                ? "data.train={name: image-folder, path: '" + shared.resolve("folder") + "', channels: '1', stream: 'true'}"
                : "data.train={name: tar-shards, path: '" + shared.resolve("shards") + "', channels: '1', shuffle-buffer: 10}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "shards"})
    void runStoppedMidEpochAndResumedGivesTheUninterruptedLosses(String kind, @TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("uninterrupted");
        RunOrchestrator o = TinyRun.orchestrator(quiet());
        o.run(TinyRun.config(o, data(kind)), whole, false);
        Map<Long, Double> reference = TinyRun.stepLosses(whole);
        assertEquals(TinyRun.TOTAL_STEPS, reference.size());

        Path cut = tmp.resolve("cut");
        RunOrchestrator failing = TinyRun.orchestrator(quiet()).withStepListener(failAt(FAIL_AT));
        assertThrows(IllegalStateException.class, () -> failing.run(TinyRun.config(failing, data(kind)), cut, false));
        TrainingState at = CheckpointStore.readState(new CheckpointStore(cut.resolve(RunFolder.CHECKPOINTS), 2).latest().orElseThrow());
        assertEquals(1, at.epoch());
        assertEquals(2, at.stepInEpoch(), "the checkpoint is in the middle of the second epoch");

        TinyRun.orchestrator(quiet()).resume(cut, List.of());
        Map<Long, Double> resumed = TinyRun.stepLosses(cut);
        assertEquals(reference.keySet(), resumed.keySet());
        for (Map.Entry<Long, Double> e : reference.entrySet()) {
            assertEquals(e.getValue(), resumed.get(e.getKey()), 1e-5, kind + ": loss of step " + e.getKey());
        }
        assertTrue(reference.get(0L) != null && Double.isFinite(reference.get(0L)));
    }

    /** A listener that stops the run with an exception after step {@code step} is logged. */
    private static Pretrainer.StepListener failAt(long step) {
        return new Pretrainer.StepListener() {
            @Override
            public void onStep(StepMetrics s) {
                if (s.step() == step) {
                    throw new IllegalStateException("stopped by the test at step " + step);
                }
            }

            @Override
            public void onEpoch(EpochMetrics e) {}
        };
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
