package dev.simclr.tensorflow;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where TensorFlow's native libraries are, so that DJL loads them and never tries to download any.
 * DJL's TensorFlow engine looks in {@code TENSORFLOW_LIBRARY_PATH} (environment variable or system
 * property) before anything else; this backend looks there too and, when it is unset, in the
 * distribution's {@code natives/tensorflow} folder (next to {@code lib/}, where the
 * {@code tensorflow} build profile unpacks them), and then points DJL at what it found.
 *
 * @param folder the folder holding the JNI library, when found
 * @param searched every place looked in, in order, for messages
 */
record TensorFlowNatives(Optional<Path> folder, List<String> searched) {

    static final String VARIABLE = "TENSORFLOW_LIBRARY_PATH";
    /** The Maven artifact the natives come from (TensorFlow 2.16.1, which DJL 0.36's engine is built on). */
    static final String ARTIFACT = "org.tensorflow:tensorflow-core-native:1.0.0-rc.1 (classifier linux-x86_64, "
            + "macosx-arm64 or windows-x86_64)";
    /** Where the distribution keeps them, relative to the folder of this module's jar. */
    static final Path DISTRIBUTION_FOLDER = Path.of("..", "natives", "tensorflow");

    /** The JNI library DJL's engine loads first, e.g. {@code libjnitensorflow.so}. */
    static String jniLibrary() {
        return System.mapLibraryName("jnitensorflow");
    }

    /** Looks where this process would: the variable, then the distribution folder. */
    static TensorFlowNatives locate() {
        String value = System.getenv(VARIABLE);
        if (value == null) {
            value = System.getProperty(VARIABLE);
        }
        return locate(value, codeFolder());
    }

    /**
     * @param variable the value of {@code TENSORFLOW_LIBRARY_PATH}, or null when unset
     * @param codeFolder the folder holding this module's jar (or classes), or null when unknown
     */
    static TensorFlowNatives locate(String variable, Path codeFolder) {
        List<String> searched = new ArrayList<>();
        if (variable != null && !variable.isBlank()) {
            for (String entry : variable.split(Pattern.quote(java.io.File.pathSeparator))) {
                Path dir = Path.of(entry.trim());
                searched.add(VARIABLE + " entry " + dir);
                if (Files.isRegularFile(dir.resolve(jniLibrary()))) {
                    return new TensorFlowNatives(Optional.of(dir.toAbsolutePath().normalize()), searched);
                }
            }
            return new TensorFlowNatives(Optional.empty(), searched);
        }
        searched.add(VARIABLE + " (unset)");
        if (codeFolder != null) {
            Path dir = codeFolder.resolve(DISTRIBUTION_FOLDER).toAbsolutePath().normalize();
            searched.add(dir.toString());
            if (Files.isRegularFile(dir.resolve(jniLibrary()))) {
                return new TensorFlowNatives(Optional.of(dir), searched);
            }
        }
        return new TensorFlowNatives(Optional.empty(), searched);
    }

    boolean found() {
        return folder.isPresent();
    }

    /** Makes DJL load these natives (it reads the system property when the variable is unset). */
    void useForDjl() {
        folder.ifPresent(dir -> {
            if (System.getenv(VARIABLE) == null) {
                System.setProperty(VARIABLE, dir.toString());
            }
        });
    }

    /** What to tell someone whose natives were not found: where this looked and exactly what to do. */
    String howToEnable() {
        return "TensorFlow natives not found (" + jniLibrary() + "; looked in: " + String.join(", ", searched) + "). "
                + "Either build the distribution with them: mvn -Ptensorflow install -DskipTests (unpacks them into "
                + "simclr-cli/target/dist/natives/tensorflow), or unpack libjnitensorflow, libtensorflow_cc and "
                + "libtensorflow_framework from " + ARTIFACT + " into a folder and set " + VARIABLE + " to that folder.";
    }

    private static Path codeFolder() {
        try {
            var source = TensorFlowNatives.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            // a jar in dist/lib, or target/classes when run from the build
            return Files.isDirectory(location) ? location : location.getParent();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
