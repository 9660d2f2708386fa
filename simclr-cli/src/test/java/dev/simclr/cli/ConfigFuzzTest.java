package dev.simclr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ConfigException;
import dev.simclr.train.config.ConfigValidator;
import dev.simclr.api.plugin.PluginRegistry;
import dev.simclr.train.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of {@code simclr init}'s output, through the same path a run file and
 * {@code --set} take: every case validates, or fails with configuration errors that each name a YAML
 * path; never another exception.
 */
class ConfigFuzzTest {

    private static final int CASES = 2000;

    private static String initOutput;
    private static Map<String, Object> initTree;
    private static ConfigValidator validator;

    @BeforeAll
    static void start() {
        CliRunner init = CliRunner.run("init");
        assertEquals(Main.OK, init.exitCode(), init.toString());
        initOutput = init.out();
        try {
            initTree = parse(initOutput);
        } catch (IOException e) {
            throw new AssertionError("simclr init's output does not parse", e);
        }
        validator = new ConfigValidator(PluginRegistry.load(ConfigFuzzTest.class.getClassLoader()));
    }

    @Test
    void brokenYamlTextIsAConfigurationErrorWithALineNumber() {
        Tally t = fuzz(1, (m, tree) -> parse(m.breakText(initOutput)));
        assertTrue(t.errors > CASES / 4, t.toString());
    }

    @Test
    void damagedTreesAreConfigurationErrorsWithAPath() {
        Tally t = fuzz(2, (m, tree) -> {
            m.damageTree(tree);
            if (m.hashCode() % 2 == 0) {
                m.damageTree(tree);
            }
            return tree;
        });
        assertTrue(t.errors > CASES / 2 && t.valid > 0, t.toString());
    }

    @Test
    void overridesThatDoNotFitAreConfigurationErrorsWithAPath() {
        Tally t = fuzz(3, (m, tree) -> {
            ConfigLoader.applyOverrides(tree, List.of(m.override(tree), m.override(tree)));
            return tree;
        });
        assertTrue(t.errors > CASES / 4 && t.valid > 0, t.toString());
    }

    private interface Mutation {
        Map<String, Object> apply(ConfigMutator m, Map<String, Object> tree) throws IOException;
    }

    private static final class Tally {
        int valid;
        int errors;
        final List<String> wrong = new ArrayList<>();

        @Override
        public String toString() {
            return valid + " valid, " + errors + " configuration errors, " + wrong.size() + " other outcomes";
        }
    }

    /** Runs {@link #CASES} seeded cases; fails listing the first few that ended in anything but a path-named error. */
    @SuppressWarnings("unchecked")
    private static Tally fuzz(long stream, Mutation mutation) {
        Tally t = new Tally();
        for (int c = 0; c < CASES; c++) {
            long seed = stream * 1_000_003L + c;
            ConfigMutator m = new ConfigMutator(seed);
            try {
                Map<String, Object> tree = (Map<String, Object>) ConfigMutator.copy(initTree);
                validator.validate(mutation.apply(m, tree));
                t.valid++;
            } catch (ConfigException e) {
                String problem = problemWith(e);
                if (problem == null) {
                    t.errors++;
                } else {
                    t.wrong.add("seed " + seed + ": " + problem);
                }
            } catch (Exception | StackOverflowError e) {
                t.wrong.add("seed " + seed + ": " + e + " at " + ourFrame(e));
            }
        }
        assertTrue(t.wrong.isEmpty(), t + "\n" + String.join("\n", t.wrong.subList(0, Math.min(10, t.wrong.size()))));
        return t;
    }

    /** Null when every error names a path (the top level only for text that is not YAML) and says what is wrong. */
    private static String problemWith(ConfigException e) {
        if (e.errors().isEmpty()) {
            return "no errors listed";
        }
        for (ConfigError err : e.errors()) {
            boolean topLevel = err.path() == null || err.path().isEmpty();
            if (err.message() == null || err.message().isBlank() || err.message().contains("Exception")
                    || err.message().contains("\tat ")) {
                return "unclear message: " + err;
            }
            if (topLevel && !err.message().contains("is not valid YAML (line ") && !err.message().contains("top level")) {
                return "no YAML path: " + err;
            }
        }
        return null;
    }

    private static String ourFrame(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("dev.simclr")) {
                return f.toString();
            }
        }
        return "?";
    }

    private static Map<String, Object> parse(String yaml) throws IOException {
        return ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-run.yaml");
    }
}
