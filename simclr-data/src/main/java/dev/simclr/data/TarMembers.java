package dev.simclr.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The regular files in a tar archive (POSIX ustar, with GNU long names and pax {@code path}
 * records, as Python's {@code tarfile} and GNU tar write them), found by reading the 512-byte
 * headers only: each member's name, and where its bytes start and how many there are.
 */
final class TarMembers {

    private static final int BLOCK = 512;

    /** One member: its name and the position and length of its bytes in the archive. */
    record Member(String name, long offset, int length) {}

    private TarMembers() {}

    /** @throws DatasetException when the archive is truncated or a header is damaged, naming the archive and the byte */
    static List<Member> list(Path tar) throws IOException {
        List<Member> members = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(tar, StandardOpenOption.READ)) {
            long end = ch.size();
            long pos = 0;
            String longName = null;
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (pos + BLOCK <= end) {
                header.clear();
                readFully(ch, header, pos, tar);
                byte[] h = header.array();
                if (allZero(h)) {
                    return members;
                }
                checkSum(h, tar, pos);
                long size = octal(h, 124, 12, "size", tar, pos);
                char type = (char) h[156];
                long data = pos + BLOCK;
                if (data + size > end) {
                    throw new DatasetException(tar + ": truncated: the member at byte " + pos + " (" + name(h) + ") needs " + size
                            + " bytes but the archive ends " + (end - data) + " bytes after its header");
                }
                if (type == 'L' || type == 'x') {
                    String text = new String(read(ch, data, (int) size, tar), StandardCharsets.UTF_8);
                    longName = type == 'L' ? text.replace("\0", "") : paxPath(text, longName);
                } else {
                    if (type == '0' || type == '\0') {
                        if (size > Integer.MAX_VALUE) {
                            throw new DatasetException(tar + ": member " + name(h) + " has " + size + " bytes, too large for an image");
                        }
                        members.add(new Member(longName != null ? longName : name(h), data, (int) size));
                    }
                    longName = null;
                }
                pos = data + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
        }
        if (members.isEmpty()) {
            throw new DatasetException(tar + ": not a tar archive, or an empty one (no 512-byte header found)");
        }
        return members;
    }

    /** {@code length} bytes from {@code offset} of the archive. */
    static byte[] read(FileChannel ch, long offset, int length, Path tar) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        readFully(ch, b, offset, tar);
        return b.array();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long offset, Path tar) throws IOException {
        long at = offset;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new DatasetException(tar + ": truncated at byte " + at + " (expected " + b.remaining() + " more bytes)");
            }
            at += n;
        }
    }

    /** The member's name: the ustar prefix (when there is one) and the name field. */
    private static String name(byte[] h) {
        String name = field(h, 0, 100);
        boolean ustar = field(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax header, or {@code current} when it has none. */
    private static String paxPath(String records, String current) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return current;
    }

    private static String field(byte[] h, int from, int length) {
        int end = from;
        while (end < from + length && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int from, int length, String what, Path tar, long pos) throws DatasetException {
        String s = field(h, from, length).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new DatasetException(tar + ": damaged tar header at byte " + pos + " (its " + what
                    + " field is not an octal number); is it a tar archive?");
        }
    }

    /** The header checksum: the sum of its bytes with the checksum field taken as spaces. */
    private static void checkSum(byte[] h, Path tar, long pos) throws DatasetException {
        long stored = octal(h, 148, 8, "checksum", tar, pos);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new DatasetException(tar + ": damaged tar header at byte " + pos + " (checksum " + stored + ", computed " + sum
                    + "); is it a tar archive?");
        }
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
