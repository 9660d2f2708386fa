package dev.simclr.eval.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.Features;
import dev.simclr.eval.FakeContext;
import dev.simclr.eval.TestParams;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingWriterTest {

    @TempDir
    Path dir;

    private static final Features F = new Features(
            new float[] {0.1f, -2.5f, 3e-8f, Float.MAX_VALUE, 1f / 3, -0f, 7f, 123456.79f, Float.MIN_VALUE}, 3, 3,
            new int[] {2, -1, 0}, 3);

    /** What numpy.load reads: the parsed header and where the data starts. */
    private record Npy(String descr, boolean fortran, long[] shape, ByteBuffer data, int dataOffset) {}

    private static Npy parse(byte[] file) {
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, Arrays.copyOf(file, 6), "magic");
        assertEquals(1, file[6], "major version");
        assertEquals(0, file[7], "minor version");
        int headerLen = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        int dataOffset = 10 + headerLen;
        assertEquals(0, dataOffset % 64, "data is aligned to 64 bytes");
        String header = new String(file, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"), "header ends in a newline");
        Matcher m = Pattern.compile(
                "\\{'descr': '([<>|]\\w+)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\} *\n").matcher(header);
        assertTrue(m.matches(), "header is the dict numpy writes: " + header);
        long[] shape = Arrays.stream(m.group(3).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        ByteBuffer data = ByteBuffer.wrap(file, dataOffset, file.length - dataOffset).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Npy(m.group(1), m.group(2).equals("True"), shape, data, dataOffset);
    }

    @Test
    void npyHeaderParsesAndFloat32DataRoundTrips() throws IOException {
        Path file = dir.resolve("e.npy");
        EmbeddingWriter.writeNpy(file, F);
        Npy npy = parse(Files.readAllBytes(file));
        assertEquals("<f4", npy.descr());
        assertEquals(false, npy.fortran());
        assertArrayEquals(new long[] {3, 3}, npy.shape());
        assertEquals(9 * 4, npy.data().remaining());
        float[] back = new float[9];
        npy.data().asFloatBuffer().get(back);
        assertArrayEquals(F.data(), back);
    }

    @Test
    void labelsNpyIsAnInt64Vector() throws IOException {
        Path file = dir.resolve("labels.npy");
        EmbeddingWriter.writeLabelsNpy(file, F);
        Npy npy = parse(Files.readAllBytes(file));
        assertEquals("<i8", npy.descr());
        assertArrayEquals(new long[] {3}, npy.shape());
        long[] back = new long[3];
        npy.data().asLongBuffer().get(back);
        assertArrayEquals(new long[] {2, -1, 0}, back);
    }

    @Test
    void oneDimensionalShapeIsWrittenWithATrailingComma() {
        String header = new String(NpyFormat.header("<i8", 5), StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (5,)"), header);
    }

    @Test
    void csvHasHeaderIndexLabelAndFloatsThatRoundTrip() throws IOException {
        Path file = dir.resolve("e.csv");
        EmbeddingWriter.writeCsv(file, F);
        List<String> lines = Files.readAllLines(file);
        assertEquals("index,label,f0,f1,f2", lines.get(0));
        assertEquals(4, lines.size());
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), cells[0]);
            assertEquals(F.labels()[i], Integer.parseInt(cells[1]));
            for (int j = 0; j < 3; j++) {
                assertEquals(F.data()[i * 3 + j], Float.parseFloat(cells[2 + j]));
            }
        }
    }

    @Test
    void writeChoosesTheFormatByExtensionAndRefusesOthers() throws IOException {
        EmbeddingWriter.write(dir.resolve("x.NPY"), F);
        assertEquals((byte) 0x93, Files.readAllBytes(dir.resolve("x.NPY"))[0]);
        EmbeddingWriter.write(dir.resolve("x.csv"), F);
        assertTrue(Files.readString(dir.resolve("x.csv")).startsWith("index,label,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingWriter.write(dir.resolve("x.bin"), F));
        assertTrue(e.getMessage().contains("*.csv") && e.getMessage().contains("*.npy"), e.getMessage());
    }

    @Test
    void evaluatorWritesTestFeaturesAsNpyLabelsAndCsv() throws Exception {
        FakeContext ctx = new FakeContext(dir).features(F, F);
        EmbeddingsProvider p = new EmbeddingsProvider();
        Map<String, Map<String, Object>> rows = p.create(TestParams.of(p, Map.of())).evaluate(ctx);
        assertEquals(Map.of("embeddings", Map.of("count", 3, "dim", 3)), rows);
        for (String name : List.of("embeddings.npy", "labels.npy", "embeddings.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
    }
}
