package dev.simclr.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The samples of tar shards in the WebDataset layout: members that share a key (the member's
 * name up to the first dot of its file name) and stand next to each other form one sample, here an
 * image ({@code .jpg}, {@code .jpeg} or {@code .png}) and, for labelled data, its class as a
 * decimal number ({@code .cls}). Only where each image's bytes lie is kept in memory (16 bytes a
 * sample); an image is read from its shard when it is decoded. As in WebDataset, the extension is
 * everything after the key's dot and an image is known by its last part ({@code seg.png}).
 */
final class TarShardImages implements EncodedImages {

    private final String where;
    private final List<Path> shards;
    private final int[] shardStarts;
    private final int[] shardOf;
    private final long[] offsets;
    private final int[] lengths;
    private final int[] labels;
    private final List<String> classNames;

    private TarShardImages(String where, List<Path> shards, int[] shardStarts, int[] shardOf, long[] offsets, int[] lengths,
            int[] labels) {
        this.where = where;
        this.shards = shards;
        this.shardStarts = shardStarts;
        this.shardOf = shardOf;
        this.offsets = offsets;
        this.lengths = lengths;
        this.labels = labels;
        int max = -1;
        for (int l : labels == null ? new int[0] : labels) {
            max = Math.max(max, l);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            names.add(Integer.toString(c));
        }
        this.classNames = labels == null ? null : List.copyOf(names);
    }

    /** Indexes the shards, in the given order, reading their headers and {@code .cls} members only. */
    static TarShardImages index(String where, List<Path> shards) throws IOException {
        Samples all = new Samples();
        int[] starts = new int[shards.size() + 1];
        for (int s = 0; s < shards.size(); s++) {
            starts[s] = all.count;
            all.addShard(s, shards.get(s));
        }
        starts[shards.size()] = all.count;
        if (all.count == 0) {
            throw new DatasetException(where + ": its shards hold no samples; expected <key>.jpg or <key>.png members");
        }
        if (all.labelled > 0 && all.labelled < all.count) {
            throw new DatasetException(where + ": " + all.labelled + " of " + all.count + " samples have a .cls member and the rest"
                    + " do not (first without: " + all.firstUnlabelled + "); give every sample its class, or none");
        }
        return new TarShardImages(where, List.copyOf(shards), starts, all.shard.trim(), all.offset.trim(), all.length.trim(),
                all.labelled > 0 ? all.label.trim() : null);
    }

    /** Where each shard's samples begin in the numbering, plus the total, for {@link ShardOrder}. */
    int[] shardStarts() {
        return shardStarts.clone();
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public int size() {
        return offsets.length;
    }

    @Override
    public String name(int i) {
        return shards.get(shardOf[i]) + " (the image at byte " + offsets[i] + ")";
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageDecoder.Decoded decode(int i, int channels, int size) throws IOException {
        Path shard = shards.get(shardOf[i]);
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.READ)) {
            bytes = TarMembers.read(ch, offsets[i], lengths[i], shard);
        }
        return ImageDecoder.decode(bytes, name(i), channels, size);
    }

    /** The samples found so far, grouped from the members of each shard. */
    private static final class Samples {
        final Ints shard = new Ints();
        final Longs offset = new Longs();
        final Ints length = new Ints();
        final Ints label = new Ints();
        int count;
        int labelled;
        String firstUnlabelled;

        void addShard(int s, Path tar) throws IOException {
            List<TarMembers.Member> members = TarMembers.list(tar);
            try (FileChannel ch = FileChannel.open(tar, StandardOpenOption.READ)) {
                int i = 0;
                while (i < members.size()) {
                    String key = key(members.get(i).name());
                    TarMembers.Member image = null;
                    Integer cls = null;
                    for (; i < members.size() && key(members.get(i).name()).equals(key); i++) {
                        TarMembers.Member m = members.get(i);
                        String ext = extension(m.name());
                        String last = ext.substring(ext.lastIndexOf('.') + 1);
                        if (last.equals("jpg") || last.equals("jpeg") || last.equals("png")) {
                            image = image == null ? m : image;
                        } else if (ext.equals("cls")) {
                            cls = parseClass(tar, m, TarMembers.read(ch, m.offset(), m.length(), tar));
                        }
                    }
                    if (image == null) {
                        throw new DatasetException(tar + ": sample " + key + " has no image; expected a " + key + ".jpg, .jpeg or"
                                + " .png member next to its other members");
                    }
                    add(s, image, cls, tar + ":" + key);
                }
            }
        }

        private void add(int s, TarMembers.Member image, Integer cls, String name) {
            shard.add(s);
            offset.add(image.offset());
            length.add(image.length());
            label.add(cls == null ? -1 : cls);
            if (cls != null) {
                labelled++;
            } else if (firstUnlabelled == null) {
                firstUnlabelled = name;
            }
            count++;
        }
    }

    private static int parseClass(Path tar, TarMembers.Member m, byte[] bytes) throws DatasetException {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        try {
            int c = Integer.parseInt(text);
            if (c < 0) {
                throw new NumberFormatException();
            }
            return c;
        } catch (NumberFormatException e) {
            throw new DatasetException(tar + ":" + m.name() + ": the class must be a number 0, 1, 2, ..., found '"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }
    }

    /** The member's name up to the first dot of its file name (WebDataset's sample key). */
    static String key(String member) {
        int slash = member.lastIndexOf('/');
        int dot = member.indexOf('.', slash + 1);
        return dot < 0 ? member : member.substring(0, dot);
    }

    private static String extension(String member) {
        int slash = member.lastIndexOf('/');
        int dot = member.indexOf('.', slash + 1);
        return dot < 0 ? "" : member.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A growable int array. */
    private static final class Ints {
        int[] a = new int[1024];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] trim() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable long array. */
    private static final class Longs {
        long[] a = new long[1024];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        long[] trim() {
            return Arrays.copyOf(a, n);
        }
    }
}
