package dev.simclr.cli;

import dev.simclr.augment.bench.AugmentBenchmark;
import dev.simclr.train.bench.DataBenchmark;
import dev.simclr.train.bench.TrainBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks that print human lines and, last, one JSON line.",
        subcommands = {BenchCommand.Augment.class, BenchCommand.Train.class, BenchCommand.Data.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a benchmark: augment, train or data");
    }

    @Command(name = "augment", description = "Throughput of the whole SimCLR augmentation pipeline (views per second).")
    static final class Augment extends BaseCommand {

        @Option(names = "--size", defaultValue = "32", description = "image side in pixels (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--threads", defaultValue = "0", description = "worker threads (0: cores; default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--images", defaultValue = "20000", description = "views to produce (default: ${DEFAULT-VALUE})")
        int images;

        @Override
        public Integer call() {
            return AugmentBenchmark.run(size, threads, images, out);
        }
    }

    @Command(name = "train", description = "Throughput of the whole SimCLR training step (augmentation, encoder, head, NT-Xent, "
            + "backward, optimizer) on generated images: source images per second.")
    static final class Train extends BaseCommand {

        @Option(names = "--encoder", defaultValue = "resnet18", description = "encoder provider (default: ${DEFAULT-VALUE})")
        String encoder;

        @Option(names = "--stem", defaultValue = "cifar", description = "cifar or imagenet (default: ${DEFAULT-VALUE})")
        String stem;

        @Option(names = "--width", defaultValue = "1.0", description = "encoder channel multiplier (default: ${DEFAULT-VALUE})")
        double width;

        @Option(names = "--batch", defaultValue = "64", description = "source images per step; 2x views (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--size", defaultValue = "32", description = "image side in pixels (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--channels", defaultValue = "3", description = "image channels (default: ${DEFAULT-VALUE})")
        int channels;

        @Option(names = "--steps", defaultValue = "10", description = "timed steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", defaultValue = "2", description = "untimed steps first (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--threads", defaultValue = "0", description = "engine intra-op threads (0: cores; default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--workers", defaultValue = "0", description = "augmentation threads (0: cores; default: ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--batch-norm", defaultValue = "per-view",
                description = "per-view (two passes of B) or joint (one pass of 2B) (default: ${DEFAULT-VALUE})")
        String batchNorm;

        @Option(names = "--pass-size", defaultValue = "0",
                description = "images per encoder pass (0: as --batch-norm implies; default: ${DEFAULT-VALUE})")
        int passSize;

        @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE})")
        String device;

        @Option(names = "--backend", defaultValue = "pytorch", description = "backend that trains: pytorch or tensorflow (default: ${DEFAULT-VALUE})")
        String backend;

        @Option(names = "--precision", defaultValue = "fp32",
                description = "fp32, or bf16: convolutions and matrix products in bfloat16 from fp32 weights (default: ${DEFAULT-VALUE})")
        String precision;

        @Override
        public Integer call() throws InterruptedException {
            TrainBenchmark.Options o = new TrainBenchmark.Options(encoder, stem, width, batch, size, channels, steps, warmup,
                    threads, workers, batchNorm, passSize, device, backend, precision);
            return TrainBenchmark.run(o, registry(), out);
        }
    }

    @Command(name = "data", description = "Images per second of streaming JPEGs from a folder: read, decode and two augmented views "
            + "(the tutorial's transform), and peak memory; compared in the same run with the tutorial's torchvision pipeline.")
    static final class Data extends BaseCommand {

        @Option(names = "--folder", description = "image folder; generated when it holds fewer than --images JPEGs"
                + " (default: simclr-bench-data-IMAGES-SOURCESIZE in the temporary folder)")
        Path folder;

        @Option(names = "--images", defaultValue = "20000", description = "JPEGs to generate and read (default: ${DEFAULT-VALUE})")
        int images;

        @Option(names = "--source-size", defaultValue = "256", description = "side of the generated JPEGs (default: ${DEFAULT-VALUE})")
        int sourceSize;

        @Option(names = "--size", defaultValue = "224", description = "side of the views (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--workers", defaultValue = "2", description = "augmentation threads here and DataLoader workers in the"
                + " reference (default: ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--batch", defaultValue = "64", description = "images per batch (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch and torchvision for the"
                + " reference pipeline, or none to skip it (default: ${DEFAULT-VALUE})")
        String python;

        @Override
        public Integer call() throws Exception {
            Path dir = folder != null ? folder
                    : Path.of(System.getProperty("java.io.tmpdir"), "simclr-bench-data-" + images + "-" + sourceSize);
            DataBenchmark.Options o = new DataBenchmark.Options(dir, images, sourceSize, size, workers, batch,
                    python.equals("none") ? null : python);
            return DataBenchmark.run(o, registry(), out);
        }
    }
}
