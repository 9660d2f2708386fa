package dev.simclr.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowNativesTest {

    @TempDir
    Path dir;

    @Test
    void missingNativesSayWhereTheyWereLookedForAndExactlyWhatToDo() {
        Path lib = dir.resolve("dist").resolve("lib");
        TensorFlowNatives n = TensorFlowNatives.locate(null, lib);
        assertFalse(n.found());
        String message = n.howToEnable();
        assertTrue(message.contains("TENSORFLOW_LIBRARY_PATH (unset)"), message);
        assertTrue(message.contains(dir.resolve("dist").resolve("natives").resolve("tensorflow").toString()), message);
        assertTrue(message.contains("mvn -Ptensorflow install -DskipTests"), message);
        assertTrue(message.contains("org.tensorflow:tensorflow-core-native:1.0.0-rc.1"), message);
        assertTrue(message.contains("set TENSORFLOW_LIBRARY_PATH to that folder"), message);
    }

    @Test
    void variablePointingAtAFolderWithoutTheJniLibraryIsNotFoundAndNamed() {
        TensorFlowNatives n = TensorFlowNatives.locate(dir.toString(), null);
        assertFalse(n.found());
        assertTrue(n.howToEnable().contains("TENSORFLOW_LIBRARY_PATH entry " + dir), n.howToEnable());
    }

    @Test
    void variableWinsOverTheDistributionFolderAndMayListSeveralFolders() throws Exception {
        Path chosen = Files.createDirectories(dir.resolve("chosen"));
        Files.createFile(chosen.resolve(TensorFlowNatives.jniLibrary()));
        Path lib = Files.createDirectories(dir.resolve("dist/lib"));
        Path bundled = Files.createDirectories(dir.resolve("dist/natives/tensorflow"));
        Files.createFile(bundled.resolve(TensorFlowNatives.jniLibrary()));
        String variable = dir.resolve("empty") + File.pathSeparator + chosen;
        assertEquals(Optional.of(chosen.toAbsolutePath()), TensorFlowNatives.locate(variable, lib).folder());
    }

    @Test
    void distributionFolderNextToLibIsUsedWhenTheVariableIsUnset() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("dist/lib"));
        Path bundled = Files.createDirectories(dir.resolve("dist/natives/tensorflow"));
        Files.createFile(bundled.resolve(TensorFlowNatives.jniLibrary()));
        assertEquals(Optional.of(bundled.toAbsolutePath()), TensorFlowNatives.locate(null, lib).folder());
    }
}
