package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.train.checkpoint.Checkpoint;
import dev.simclr.train.checkpoint.CheckpointStore;
import dev.simclr.train.pretrain.Pretrainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardsTest {

    @TempDir
    Path tmp;

    @Test
    void divergedRunStopsAndNamesTheLastGoodCheckpointWhichIsKept() throws Exception {
        Path dir = tmp.resolve("diverged");
        RunOrchestrator o = new RunOrchestrator(NanAfterLossProvider.registry(), quiet(), false);
        // the loss turns NaN at step 7 (0-based), in the first epoch; checkpoints after 5 steps only
        var config = TinyRun.config(o, List.of("loss={name: nan-after, after: 7}", "train.keep-checkpoints=3"));
        Pretrainer.DivergedException e = assertThrows(Pretrainer.DivergedException.class, () -> o.run(config, dir, false));
        Checkpoint lastGood = e.lastGood();
        assertTrue(lastGood != null, e.getMessage());
        assertTrue(e.getMessage().contains(lastGood.displayName()), e.getMessage());
        assertTrue(e.getMessage().contains("lower train.lr"), e.getMessage());
        assertTrue(Files.isRegularFile(lastGood.file()), "the last good checkpoint is kept");
        Checkpoint latest = new CheckpointStore(dir.resolve(RunFolder.CHECKPOINTS), 3).latest().orElseThrow();
        assertTrue(latest.equals(lastGood), "no checkpoint was written after the last good one");
        assertTrue(latest.globalStep() == 5 && e.getMessage().contains("the loss became NaN at epoch 1, step 8"), e.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}

