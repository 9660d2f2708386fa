package dev.simclr.cli;

import dev.simclr.models.portable.EncoderExport;
import dev.simclr.train.run.RunOrchestrator;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Write a finished run's encoder as safetensors, named as torchvision names its ResNets.")
final class ExportCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "a run folder made by simclr run")
    Path runDir;

    @Option(names = "--format", defaultValue = "safetensors", paramLabel = "FORMAT", description = "file format: safetensors (the only one)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file, e.g. encoder.safetensors")
    Path outFile;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("safetensors")) {
            throw new ParameterException(spec.commandLine(), "--format must be safetensors, got " + format);
        }
        OutputFiles.refuseExisting(spec, force, outFile);
        Map<String, String> meta = new RunOrchestrator(registry(), out, terminal()).export(runDir, outFile);
        out.printf("wrote the encoder of %s to %s (%s names)%n", runDir, outFile, meta.get(EncoderExport.NAMES));
        if (meta.containsKey(EncoderExport.ARCHITECTURE)) {
            out.printf("load it with torchvision.models.%s(); model.fc = torch.nn.Identity()%n", meta.get(EncoderExport.ARCHITECTURE));
        }
        if (meta.containsKey(EncoderExport.CHANGE_FIRST)) {
            out.printf("before load_state_dict: %s%n", meta.get(EncoderExport.CHANGE_FIRST));
        }
        if (meta.containsKey(EncoderExport.NOTE)) {
            out.printf("note: %s%n", meta.get(EncoderExport.NOTE));
        }
        return Main.OK;
    }
}
