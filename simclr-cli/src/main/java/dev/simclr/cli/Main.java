package dev.simclr.cli;

import dev.simclr.api.config.ConfigException;
import dev.simclr.api.plugin.PluginException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code simclr} command. Exit codes: 0 success, 1 failure, 2 invalid configuration or usage.
 */
@Command(name = "simclr", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "simclr 0.1.0",
        description = "SimCLR self-supervised pre-training and evaluation on the Deep Java Library.",
        subcommands = {RunCommand.class, SweepCommand.class, ValidateCommand.class, EvaluateCommand.class, EmbedCommand.class, ExportCommand.class, PluginsCommand.class,
            InitCommand.class, DoctorCommand.class, AugmentCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with standard streams. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** Runs the command line, printing to the given streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = CommandLine.defaultFactory().create(cls);
                if (made instanceof BaseCommand b) {
                    b.out = out;
                    b.err = err;
                }
                return made;
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter e = line.getErr();
            if (ex instanceof ConfigException || ex instanceof PluginException) {
                e.println(ex.getMessage());
                e.println("nothing was run or written.");
                return INVALID;
            }
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            e.println("error: " + msg);
            if (System.getenv("SIMCLR_DEBUG") != null) {
                ex.printStackTrace(e);
            } else {
                e.println("(set SIMCLR_DEBUG=1 for the stack trace)");
            }
            return FAILED;
        });
        cli.setExitCodeExceptionMapper(t -> INVALID);
        return cli.execute(args);
    }
}
