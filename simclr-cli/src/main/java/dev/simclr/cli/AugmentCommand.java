package dev.simclr.cli;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.config.RunConfig;
import dev.simclr.augment.grid.AugmentationGrid;
import dev.simclr.train.run.Components;
import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "augment", description = "Write a PNG grid of original images and two augmented views of each, to see what the pipeline does.")
final class AugmentCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "run file whose augment list to use (default: built-in)")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @ArgGroup(exclusive = false)
    DataOption data = new DataOption();

    @Option(names = "--n", defaultValue = "8", description = "number of source images (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG file to write")
    Path outFile;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (n < 1 || n > 256) {
            throw new ParameterException(spec.commandLine(), "--n must be in [1, 256], got " + n);
        }
        OutputFiles.refuseExisting(spec, force, outFile);
        Map<String, Object> tree = ConfigSource.load(config, overrides);
        if (data.given()) {
            data.applyTo(tree, "train");
        }
        RunConfig rc = new RunOrchestrator(registry(), out, false).validate(tree);
        Components parts = new Components(registry(), rc);
        ImageDataset images = parts.dataset(rc.trainData());
        AugmentationGrid.write(images, parts.augmentations(), Math.min(n, images.size()), rc.seed(), outFile);
        out.println("wrote " + outFile + " (" + Math.min(n, images.size()) + " images of " + images.description() + ", two views each)");
        return Main.OK;
    }
}
