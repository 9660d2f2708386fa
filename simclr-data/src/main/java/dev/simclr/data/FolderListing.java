package dev.simclr.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of an image folder and their classes, found without opening them. A folder of
 * sub-folders is labelled (one class per sub-folder, classes in name order, files found at any
 * depth, as torchvision's {@code ImageFolder}); a folder of files alone is unlabeled. Hidden files
 * (names starting with a dot) are ignored.
 *
 * @param labels one per file, or null when unlabeled
 * @param classNames null when unlabeled
 */
record FolderListing(Path root, List<Path> files, int[] labels, List<String> classNames) implements EncodedImages {

    static FolderListing of(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null,
                    "not a folder; expected a folder of images, or of one sub-folder of images per class");
        }
        List<Path> dirs = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        for (Path p : visible(root)) {
            (Files.isDirectory(p) ? dirs : loose).add(p);
        }
        if (dirs.isEmpty()) {
            if (loose.isEmpty()) {
                throw new DatasetException(root + ": folder is empty; expected JPEG or PNG images, or one sub-folder of them per class");
            }
            return new FolderListing(root, List.copyOf(loose), null, null);
        }
        if (!loose.isEmpty()) {
            throw new DatasetException(root + ": holds class folders (" + dirs.get(0).getFileName() + ", ...) and also loose files ("
                    + loose.get(0).getFileName() + ", ...); move the files into a class folder, or remove them");
        }
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> members = walk(dir);
            if (members.isEmpty()) {
                throw new DatasetException(dir + ": class folder has no images; expected JPEG or PNG files in it"
                        + " (remove the folder if the class is not wanted)");
            }
            int label = classNames.size();
            classNames.add(dir.getFileName().toString());
            for (Path f : members) {
                files.add(f);
                labels.add(label);
            }
        }
        return new FolderListing(root, List.copyOf(files), labels.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(classNames));
    }

    @Override
    public String where() {
        return root.toString();
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String name(int i) {
        return files.get(i).toString();
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    @Override
    public ImageDecoder.Decoded decode(int i, int channels, int size) throws IOException {
        return ImageDecoder.decode(files.get(i), channels, size);
    }

    /** Non-hidden entries of a folder, sorted by name. */
    private static List<Path> visible(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** Non-hidden regular files under a folder at any depth, sorted by relative path. */
    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
                    .toList();
        }
    }
}
