package dev.simclr.train.checkpoint;

import static dev.simclr.train.checkpoint.HandTrainedStep.adam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged newest checkpoint is found by its checksums, said so, and the one before it is used. */
class CheckpointIntegrityTest {

    @TempDir
    Path tmp;

    private NDManager manager;
    private SequentialBlock net;
    private CheckpointStore store;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void twoCheckpoints() throws IOException {
        manager = NDManager.newBaseManager();
        net = new SequentialBlock().add(Linear.builder().setUnits(64).build());
        net.initialize(manager, DataType.FLOAT32, new Shape(4, 64));
        store = new CheckpointStore(tmp.resolve("checkpoints"), 2);
        for (long step : new long[] {5, 10}) {
            store.save(HandTrainedStep.of(net, adam()), new TrainingState(0, step, step, 0, Map.of(), 0, List.of(), 1, 1));
        }
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aTruncatedNewestCheckpointIsSetAsideAndThePreviousOneUsed() throws IOException {
        Path newest = store.fileFor(10);
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));
        assertFallsBackFrom(newest);
    }

    @Test
    void flippedBytesInTheNewestCheckpointAreFound() throws IOException {
        Path newest = store.fileFor(10);
        byte[] bytes = Files.readAllBytes(newest);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 8; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(newest, bytes);
        assertFallsBackFrom(newest);
    }

    /** A well-formed ZIP with other parameter bytes: no ZIP check can tell, the checksum does. */
    @Test
    void parametersChangedBehindTheChecksumAreFound() throws IOException {
        Path newest = store.fileFor(10);
        rewrite(newest, (name, data) -> {
            if (name.equals(CheckpointFile.PARAMETERS)) {
                data[data.length - 1] ^= 1;
            }
            return data;
        });
        assertFallsBackFrom(newest);
        assertTrue(text(log).contains("parameters.bin does not match its SHA-256 checksum"), text(log));
    }

    @Test
    void aCheckpointWrittenBeforeChecksumsStillLoads() throws IOException {
        Path newest = store.fileFor(10);
        rewrite(newest, (name, data) -> name.equals(CheckpointChecksums.ENTRY) ? null : data);
        try (ZipFile zip = new ZipFile(newest.toFile())) {
            assertEquals(null, zip.getEntry(CheckpointChecksums.ENTRY));
        }
        Checkpoint c = store.latestIntact(new PrintStream(log, true, StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(10, c.globalStep());
        assertEquals("", text(log));
        SequentialBlock other = new SequentialBlock().add(Linear.builder().setUnits(64).build());
        other.initialize(manager, DataType.FLOAT32, new Shape(4, 64));
        assertEquals(10, CheckpointStore.restore(c, HandTrainedStep.of(other, adam())).globalStep());
        assertArrayEquals(net.getParameters().get(0).getValue().getArray().toFloatArray(),
                other.getParameters().get(0).getValue().getArray().toFloatArray());
    }

    private void assertFallsBackFrom(Path damaged) throws IOException {
        Checkpoint c = store.latestIntact(new PrintStream(log, true, StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(5, c.globalStep());
        String said = text(log);
        assertTrue(said.startsWith("checkpoint checkpoints/step-00000010.ckpt is damaged and is not used ("), said);
        assertTrue(said.contains("resuming from the one before it, checkpoints/step-00000005.ckpt"), said);
        assertTrue(Files.exists(damaged.resolveSibling(damaged.getFileName() + ".damaged")), "kept aside to look at");
        assertEquals(List.of(5L), store.list().stream().map(Checkpoint::globalStep).toList());
    }

    /** Rewrites the ZIP entry by entry; the function returns an entry's new bytes, or null to drop it. */
    private static void rewrite(Path file, BiFunction<String, byte[], byte[]> change) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(copy)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] data = change.apply(e.getName(), in.getInputStream(e).readAllBytes());
                if (data != null) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        try (OutputStream o = Files.newOutputStream(file)) {
            copy.writeTo(o);
        }
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
