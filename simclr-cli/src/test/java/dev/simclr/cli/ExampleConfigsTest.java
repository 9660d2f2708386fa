package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The run files under examples/ are what users copy: each must stay valid as the config schema moves. */
class ExampleConfigsTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleRunFileValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "examples/ holds run files: " + EXAMPLES.toAbsolutePath());
        for (Path f : files) {
            CliRunner v = CliRunner.run("validate", f.toString());
            assertEquals(0, v.exitCode(), f + ":\n" + v);
        }
    }
}
