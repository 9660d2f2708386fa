package dev.simclr.cli;

import dev.simclr.augment.bench.AugmentBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks that print human lines and, last, one JSON line.",
        subcommands = {BenchCommand.Augment.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a benchmark: augment");
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
}
