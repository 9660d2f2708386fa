package dev.simclr.data.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decode-only speed of every JPEG reader javax.imageio has registered (the JDK's own, and e.g.
 * TwelveMonkeys' imageio-jpeg when its jars are on the class path), one thread each, on the same
 * files held in memory, so that the choice of decoder is made by measurement. Also says whether a
 * reader can decode at a reduced size ({@link ImageReadParam#canSetSourceRenderSize}, which a
 * decoder with DCT scaling would offer).
 */
public final class DecoderBenchmark {

    private DecoderBenchmark() {}

    /** One reader's result. */
    public record Result(String reader, int images, double seconds, boolean reducedSize) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /** Decodes the first {@code limit} JPEGs under {@code folder} {@code rounds} times with each reader. */
    public static List<Result> run(Path folder, int limit, int rounds, PrintStream out) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().limit(limit).toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no .jpg files to decode");
        }
        List<ImageReader> readers = new ArrayList<>();
        ImageIO.getImageReadersByFormatName("jpeg").forEachRemaining(readers::add);
        double[] seconds = new double[readers.size()];
        for (ImageReader reader : readers) {
            decodeAll(reader, files.subList(0, Math.min(files.size(), 200)));
        }
        // rounds alternate between the readers, so that load from other processes falls on all alike
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < readers.size(); k++) {
                long t0 = System.nanoTime();
                decodeAll(readers.get(k), files);
                seconds[k] += (System.nanoTime() - t0) / 1e9;
            }
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < readers.size(); k++) {
            ImageReader reader = readers.get(k);
            Result res = new Result(reader.getClass().getName(), files.size() * rounds, seconds[k],
                    reader.getDefaultReadParam().canSetSourceRenderSize());
            results.add(res);
            out.printf(Locale.ROOT, "%-60s %6d images in %6.2f s: %7.1f images/s on one thread; decodes at reduced size: %s%n",
                    res.reader(), res.images(), res.seconds(), res.imagesPerSecond(), res.reducedSize() ? "yes" : "no");
            reader.dispose();
        }
        return results;
    }

    private static void decodeAll(ImageReader reader, List<byte[]> files) throws IOException {
        for (byte[] f : files) {
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(f))) {
                reader.setInput(in, true, true);
                if (reader.read(0).getWidth() <= 0) {
                    throw new IOException("empty image");
                }
            }
        }
    }

    /** {@code DecoderBenchmark FOLDER [LIMIT=2000 [ROUNDS=3]]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DecoderBenchmark FOLDER [LIMIT=2000 [ROUNDS=3]]");
            System.exit(2);
        }
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        run(Path.of(args[0]), limit, rounds, System.out);
    }
}
