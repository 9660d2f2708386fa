package dev.simclr.pytorch.script;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript archive, as {@code torch.jit.save} lays one out, for a module without parameters
 * or buffers: a zip of stored entries holding the format version, an empty constants table, the
 * pickled module object (class {@code __torch__.M}, state {@code {'training': True}}) and the
 * module's TorchScript source. libtorch compiles the source when the archive is loaded, so a small
 * differentiable function can be written here and run under autograd without Python (the bf16
 * modules of {@code dev.simclr.pytorch.precision}, the fused optimizer update of
 * {@code dev.simclr.pytorch.optim}).
 */
public final class TorchScriptArchive {

    private static final String ROOT = "archive/";

    /** {@code pickle.dumps((), protocol=2)}. */
    private static final byte[] EMPTY_TUPLE = {(byte) 0x80, 0x02, ')', '.'};

    private TorchScriptArchive() {}

    /**
     * The archive of a module {@code M} whose {@code forward} has the given signature and body.
     *
     * @param arguments the forward's arguments after {@code self}, e.g. {@code "x: Tensor, w: Tensor"}
     * @param body the forward's statements, one per line, without indentation, ending in a return
     */
    public static byte[] module(String arguments, String body) {
        StringBuilder code = new StringBuilder()
                .append("class M(Module):\n")
                .append("  __parameters__ = []\n")
                .append("  __buffers__ = []\n")
                .append("  training : bool\n")
                .append("  def forward(self: __torch__.M, ").append(arguments).append(") -> Tensor:\n");
        for (String line : body.split("\n")) {
            code.append("    ").append(line).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.STORED);
            put(zip, "version", "3".getBytes(StandardCharsets.US_ASCII));
            put(zip, "constants.pkl", EMPTY_TUPLE);
            put(zip, "data.pkl", moduleObject());
            put(zip, "code/__torch__.py", code.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a TorchScript archive in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The module {@link #module} describes, compiled by libtorch and owned by {@code manager} (a
     * PyTorch manager).
     */
    public static PtSymbolBlock load(NDManager manager, String arguments, String body) {
        if (!(manager instanceof PtNDManager pt)) {
            throw new IllegalArgumentException("a TorchScript module runs on the PyTorch engine, not on "
                    + manager.getEngine().getEngineName());
        }
        try {
            return JniUtils.loadModule(pt, new ByteArrayInputStream(module(arguments, body)), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("libtorch could not load the module\n" + body, e);
        }
    }

    /** {@code pickle.dumps} (protocol 2) of an object of class {@code __torch__.M} in training mode. */
    private static byte[] moduleObject() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.writeBytes("c__torch__\nM\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(')'); // EMPTY_TUPLE: no constructor arguments
        p.write(0x81); // NEWOBJ
        p.write('}'); // EMPTY_DICT: the state
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        p.write('X'); // BINUNICODE: 4-byte little-endian length, then UTF-8
        p.write(key.length);
        p.write(0);
        p.write(0);
        p.write(0);
        p.writeBytes(key);
        p.write(0x88); // NEWTRUE
        p.write('s'); // SETITEM
        p.write('b'); // BUILD: __setstate__ with the dict
        p.write('.'); // STOP
        return p.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(ROOT + name);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setSize(content.length);
        e.setCompressedSize(content.length);
        e.setCrc(crc.getValue());
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }
}
