package dev.simclr.train.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link ChildRun} in a JVM of its own (output to {@code child.out} beside the run folder) and follows it. */
final class ChildProcess {

    private ChildProcess() {}

    static Process start(Path dir, String mode, long step) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        // a short-lived JVM: the quick compiler only (the numbers come from the engine's native code)
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(ChildRun.class.getName());
        cmd.add(dir.toString());
        cmd.add(mode);
        cmd.add(Long.toString(step));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output(dir).toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    /** Waits (bounded) until the child has logged {@code step}; fails with its output if it dies first. */
    static void waitForStep(Process child, Path dir, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (TinyRun.lastLoggedStep(dir) < step) {
            if (!child.isAlive()) {
                fail("the child run ended before step " + step + ":\n" + read(output(dir)));
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("the child run did not reach step " + step + ":\n" + read(output(dir)));
            }
            Thread.sleep(20);
        }
    }

    /** Waits (bounded) until the child has printed {@code text}; fails with its output if it dies first. */
    static void waitForOutput(Process child, Path dir, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!read(output(dir)).contains(text)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("the child run did not print '" + text + "':\n" + read(output(dir)));
            }
            Thread.sleep(20);
        }
    }

    static Path output(Path dir) {
        return dir.getParent().resolve("child.out");
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
