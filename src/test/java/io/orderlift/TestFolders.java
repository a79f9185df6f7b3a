package io.orderlift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders a test made for itself, removed when it is done with them. */
public final class TestFolders {

    private TestFolders() {
    }

    /** Deletes {@code folder} and everything in it, if it exists; a file that cannot be deleted fails the caller. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test folder " + folder, e);
        }
    }
}
