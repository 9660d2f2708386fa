package dev.simclr.train.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The SHA-256 of each entry of a checkpoint, stored as its last entry ({@value #ENTRY}: one line
 * {@code <hex> <entry>} each). A checkpoint cut short or with flipped bytes fails the check, so a
 * resume can tell and fall back to an earlier one; {@link ZipFile} alone checks no entry's CRC.
 * Checkpoints written before the checksums existed have no such entry and are read as before.
 */
final class CheckpointChecksums {

    static final String ENTRY = "checksums.txt";

    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

    /** A stream that feeds the entry's digest as it writes through to {@code out}; not closed by callers. */
    OutputStream track(String entry, OutputStream out) {
        MessageDigest md = sha256();
        digests.put(entry, md);
        return new DigestOutputStream(out, md);
    }

    byte[] text() {
        StringBuilder sb = new StringBuilder();
        digests.forEach((entry, md) -> sb.append(HexFormat.of().formatHex(md.digest())).append(' ').append(entry).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks every entry listed against its checksum, and that the listed entries include {@code required}.
     *
     * @throws IOException naming the file and the entry that does not match
     */
    static void verify(ZipFile zip, Path file, String... required) throws IOException {
        ZipEntry sums = zip.getEntry(ENTRY);
        if (sums == null) {
            return;
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = zip.getInputStream(sums)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    expected.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        }
        for (String r : required) {
            if (!expected.containsKey(r)) {
                throw new IOException(file + ": its " + ENTRY + " lists no " + r);
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ZipEntry entry = zip.getEntry(e.getKey());
            if (entry == null) {
                throw new IOException(file + ": entry " + e.getKey() + " is missing");
            }
            if (!digestOf(zip, entry).equals(e.getValue())) {
                throw new IOException(file + ": " + e.getKey() + " does not match its SHA-256 checksum (the file is damaged)");
            }
        }
    }

    private static String digestOf(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = zip.getInputStream(entry);
                DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
