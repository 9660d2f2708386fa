package dev.simclr.models.portable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private static Map<String, Tensor> twoTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("conv1.weight", new Tensor(new long[] {2, 1, 1, 3}, new float[] {1, -2, 3.5f, 4, 5, -6e-8f}));
        t.put("bn1.running_var", new Tensor(new long[] {3}, new float[] {0.25f, 1, 9}));
        return t;
    }

    @Test
    void writtenTensorsAndMetadataReadBackExactly() throws IOException {
        Path f = dir.resolve("e.safetensors");
        SafeTensors.write(f, Map.of("format", "pt", "note", "quotes \" and \\ survive"), twoTensors());

        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("conv1.weight", "bn1.running_var"), List.copyOf(c.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : twoTensors().entrySet()) {
            assertArrayEquals(e.getValue().shape(), c.tensors().get(e.getKey()).shape(), e.getKey());
            assertArrayEquals(e.getValue().values(), c.tensors().get(e.getKey()).values(), e.getKey());
        }
        assertEquals("quotes \" and \\ survive", c.metadata().get("note"));
    }

    /** The layout the format's README specifies, checked byte by byte rather than through our reader. */
    @Test
    void fileIsLittleEndianHeaderLengthThenJsonThenContiguousLittleEndianFloats() throws IOException {
        Path f = dir.resolve("e.safetensors");
        SafeTensors.write(f, Map.of(), twoTensors());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);

        long n = bytes.getLong(0);
        assertEquals(0, (8 + n) % 8, "tensor data starts 8-byte aligned");
        JsonNode header = new ObjectMapper().readTree(new String(bytes.array(), 8, (int) n, StandardCharsets.UTF_8));
        assertEquals("F32", header.path("conv1.weight").path("dtype").asText());
        assertEquals("[0,24]", header.path("conv1.weight").path("data_offsets").toString());
        assertEquals("[24,36]", header.path("bn1.running_var").path("data_offsets").toString());
        assertEquals("[3]", header.path("bn1.running_var").path("shape").toString());
        assertEquals(8 + n + 36, bytes.capacity(), "no bytes after the last tensor");
        assertEquals(-2f, bytes.getFloat((int) (8 + n) + 4));
        assertEquals(9f, bytes.getFloat((int) (8 + n) + 32));
    }

    @Test
    void aFileThatIsNotSafetensorsIsRefusedWithItsName() throws IOException {
        Path f = dir.resolve("encoder.params");
        Files.write(f, new byte[] {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("not a safetensors file"), e.getMessage());
    }

    @Test
    void aTensorThatIsNotFloat32IsListedWithItsTypeAndNotRead() throws IOException {
        String json = "{\"bn1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}}";
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + head.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(head.length).put(head).putLong(0);
        Path f = dir.resolve("tv.safetensors");
        Files.write(f, b.array());
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(Map.of("bn1.num_batches_tracked", "I64"), c.otherTypes());
        assertTrue(c.tensors().isEmpty());
    }

    @Test
    void aTensorWhoseBytesDoNotMatchItsShapeIsRefused() throws IOException {
        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + head.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(head.length).put(head);
        Path f = dir.resolve("short.safetensors");
        Files.write(f, b.array());
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("[3]"), e.getMessage());
    }
}
