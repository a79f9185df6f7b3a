package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores as users expect: a new one only in an empty or new folder, never mixed into other files. */
class StoreFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFolderHoldingOtherFilesIsNeitherOpenedNorTurnedIntoAStore() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(documents.resolve("letter.txt"), "hello");
        StoreException refused = assertThrows(StoreException.class, () -> Store.openOrCreate(documents));
        assertTrue(refused.getMessage().contains("holds other files and no Orderlift store"), refused.getMessage());
        assertTrue(refused.getMessage().contains("choose an empty or new folder"));
        assertThrows(StoreException.class, () -> Store.open(documents));
        assertTrue(!Store.exists(documents));
    }

    @Test
    void aNewStoreNeedsAnEmptyOrNewFolderAndAnExistingOneIsOpenedNotCreated() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve(".DS_Store"), "");
        try (Store created = Store.create(empty)) {
            assertTrue(Store.exists(empty));
        }
        StoreException twice = assertThrows(StoreException.class, () -> Store.create(empty));
        assertTrue(twice.getMessage().contains("already holds an Orderlift store: open it instead"));
        try (Store reopened = Store.openOrCreate(empty)) {
            assertTrue(Store.exists(empty), "the store's own files are not 'other files'");
        }
        try (Store fresh = Store.create(dir.resolve("brand-new"))) {
            assertTrue(Store.exists(dir.resolve("brand-new")));
        }
    }
}
