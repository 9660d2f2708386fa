package dev.simclr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --out FILE} / {@code --force} rule of the commands that write files: an existing file is kept unless forced. */
final class OutputFiles {

    private OutputFiles() {}

    /** Refuses, before any work, to overwrite one of {@code files} without {@code --force}. */
    static void refuseExisting(CommandSpec spec, boolean force, Path... files) {
        for (Path p : files) {
            if (Files.exists(p) && !force) {
                throw new ParameterException(spec.commandLine(), p + " exists; choose another name or add --force");
            }
        }
    }
}
