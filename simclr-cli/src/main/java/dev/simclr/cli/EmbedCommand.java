package dev.simclr.cli;

import dev.simclr.api.Features;
import dev.simclr.eval.embed.EmbeddingWriter;
import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "embed", description = "Write encoder features of a dataset (with labels and indices) as CSV or NumPy .npy.")
final class EmbedCommand extends BaseCommand {

    @Option(names = "--checkpoint", required = true, paramLabel = "RUNDIR", description = "run folder with a trained encoder")
    Path run;

    @ArgGroup(exclusive = false)
    DataOption data = new DataOption();

    @ArgGroup(exclusive = false)
    BackendOption backend = new BackendOption();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file: .csv, or .npy (labels go to FILE-labels.npy)")
    Path outFile;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = outFile.getFileName().toString();
        if (!name.endsWith(".csv") && !name.endsWith(".npy")) {
            throw new ParameterException(spec.commandLine(), "--out must end in .csv or .npy, got " + outFile);
        }
        Path labelsFile = name.endsWith(".npy") ? outFile.resolveSibling(name.substring(0, name.length() - 4) + "-labels.npy") : null;
        OutputFiles.refuseExisting(spec, force, labelsFile == null ? new Path[] {outFile} : new Path[] {outFile, labelsFile});
        RunOrchestrator orchestrator = new RunOrchestrator(registry(), out, terminal());
        Features f = orchestrator.embed(run, tree -> {
            if (data.given()) {
                data.applyTo(tree, "test");
            }
            if (backend.given()) {
                backend.applyTo(tree);
            }
        });
        EmbeddingWriter.write(outFile, f);
        out.printf("wrote %d x %d features to %s%n", f.count(), f.dim(), outFile);
        if (labelsFile != null) {
            EmbeddingWriter.writeLabelsNpy(labelsFile, f);
            out.printf("wrote %d labels to %s%n", f.count(), labelsFile);
        }
        return Main.OK;
    }
}
